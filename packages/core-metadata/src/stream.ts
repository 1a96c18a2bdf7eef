import type {
  ProviderDataBlockParam,
  ReasoningDetail,
  RedactedThinkingBlockParam,
  ThinkingBlockParam,
} from "./messages.js";

/**
 * The chunk union every provider handler yields from `createMessage`.
 */
export interface ApiStreamTextChunk {
  type: "text";
  /** The next piece of text. */
  text: string;
}

/** Reasoning text the model streamed. */
export interface ApiStreamReasoningChunk {
  type: "reasoning";
  /** The next piece of reasoning. */
  text: string;
  /** Anthropic thinking signature, when the provider sends one. */
  signature?: string;
}

/**
 * Provider data for the whole assistant message that must be echoed on the next request: yielded
 * once, when the stream has ended, with every `reasoning_details` item accumulated (OpenRouter).
 * Consumers store it on the assistant message (`MessageParam.reasoning_details`).
 */
export interface ApiStreamReasoningDetailsChunk {
  type: "reasoning_details";
  /** The message's `reasoning_details`, accumulated so far. */
  details: ReasoningDetail[];
}

/**
 * Token counts of one request, with one meaning whatever the provider: a stream yields it once
 * after its content (and, when the stream failed, before throwing, so spent tokens are counted).
 */
export interface ApiStreamUsageChunk {
  type: "usage";
  /** Prompt tokens, cache reads and writes included. */
  inputTokens: number;
  /**
   * Every token the model generated, reasoning INCLUDED (OpenAI's meaning of `completion_tokens`).
   * Providers that report reasoning on top of their completion count (xAI) are normalised to this.
   */
  outputTokens: number;
  /** The part of `inputTokens` written to the provider's prompt cache. */
  cacheWriteTokens?: number;
  /** The part of `inputTokens` read from the provider's prompt cache. */
  cacheReadTokens?: number;
  /** The part of `outputTokens` spent on reasoning (already counted there; do not add it again). */
  reasoningTokens?: number;
  /** Cost of the request in the provider's currency unit (USD for OpenRouter). */
  totalCost?: number;
  /** The upstream provider that served the request, when the gateway reports it. */
  inferenceProvider?: string;
}

/**
 * One entry of `choices[0].delta.tool_calls[]`, as loosely typed as providers really send it:
 * indices may be missing, null, -1 or repeated; ids may be numbers, null or ""; names may be ""
 * or null on continuations; arguments may arrive as an object instead of a JSON string.
 */
export interface RawToolCallFragment {
  /** Position of the call in the response; not always dense, sometimes absent. */
  index?: number | null;
  /** The call's id, on its first fragment. */
  id?: string | number | null;
  /** The tool's name, assigned (never appended). */
  name?: string | null;
  /** The next piece of the argument text (some providers send an object). */
  arguments?: string | Record<string, unknown> | null;
  /** Provider-specific data to echo back, e.g. Gemini's `google.thought_signature`. */
  extra_content?: Record<string, unknown>;
}

/**
 * A whole block the assistant message keeps at this point of the stream and sends back unchanged:
 * an Anthropic thinking block with its signature, redacted thinking, or a protocol's opaque item (a
 * Responses reasoning item with its final `encrypted_content`). The turn runner stores it without
 * reading it, in place of the reasoning text streamed since the last text or call, which was the
 * readable copy of the same content (the `reasoning` chunks still reach the caller as they came).
 */
export interface ApiStreamProviderBlockChunk {
  type: "provider_block";
  /** The block, exactly as the protocol's converter will send it back. */
  block: ThinkingBlockParam | RedactedThinkingBlockParam | ProviderDataBlockParam;
}

/**
 * The protocol said that one tool call is complete (Anthropic `content_block_stop`, Responses
 * `response.output_item.done`): the parser ends that call at once, so that its tool can run while
 * the model still streams the next call. Chat Completions has no such event and never yields it;
 * there a call ends when the next one starts or the stream finishes.
 */
export interface ApiStreamToolCallCompleteChunk {
  type: "tool_call_complete";
  /** The `index` the call's `tool_call_partial` fragments carried (block or output index). */
  index?: number;
  /** The id the call's fragments carried, when the protocol repeats it here. */
  toolCallId?: string;
}

/** A raw tool-call fragment, passed through by providers for the parser to assemble. */
export interface ApiStreamToolCallPartialChunk extends RawToolCallFragment {
  type: "tool_call_partial";
}

/** A tool call started: its id and name are known. */
export interface ApiStreamToolCallStartChunk {
  type: "tool_call_start";
  /** The call's id, unique within the response. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The call's `index` on the wire, when it had one. */
  index?: number;
  /** Provider data to echo with this call (wire spelling). */
  extra_content?: Record<string, unknown>;
}

/** A piece of a tool call's argument text. */
export interface ApiStreamToolCallDeltaChunk {
  type: "tool_call_delta";
  /** The call's id. */
  id: string;
  /** The next piece of the argument text. */
  delta: string;
}

/** A typed error carried by a tool call whose arguments could not be used. */
export interface ToolCallIssue extends Error {
  /** Machine-readable reason, in snake_case. */
  readonly code: string;
}

/** A tool call is complete: its whole arguments, and `input` or `error`. */
export interface ApiStreamToolCallEndChunk {
  type: "tool_call_end";
  /** The call's id. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The whole argument string as received (normalised: `{}` for none). */
  arguments: string;
  /** The parsed arguments object, present only when the arguments parsed. */
  input?: Record<string, unknown>;
  /** Why the arguments could not be parsed; present only when `input` is absent. */
  error?: ToolCallIssue;
  /** Provider data to echo with this call (wire spelling). */
  extra_content?: Record<string, unknown>;
}

/**
 * A `finish_reason` seen on the wire. Not the end of the stream: some providers send it on every
 * tool-call chunk and keep streaming calls after it. Consumers hand it to the tool-call parser.
 */
export interface ApiStreamFinishReasonChunk {
  type: "finish_reason";
  /** The provider's `finish_reason` (`stop`, `tool_calls`, `length`, …). */
  reason: string;
}

/** An error the provider reported inside the stream; handlers throw their typed error after it. */
export interface ApiStreamErrorChunk {
  type: "error";
  /** The provider's error code or type. */
  error: string;
  /** The provider's message, redacted. */
  message: string;
}

/**
 * The handler is about to re-send the request: the last attempt failed before any of its response
 * arrived (see `RetryOptions`). Yielded before the wait, so a UI can say "retrying in 3 s, attempt 2
 * of 3"; nothing of the failed attempt was yielded, so nothing needs to be undone.
 */
export interface ApiStreamRetryChunk {
  type: "retry";
  /** The attempt about to be made: 2 for the first retry. */
  attempt: number;
  /** Most attempts this request may take (retries + 1). */
  maxAttempts: number;
  /** The wait before that attempt, in milliseconds. */
  delayMs: number;
  /** Why the last attempt failed: the handler's error `code`, the HTTP `status` when there was one, one redacted line. */
  reason: { code: string; status?: number; message: string };
}

/** The events of one tool call: its start, each argument fragment, its one end. */
export type ToolCallStreamEvent = ApiStreamToolCallStartChunk | ApiStreamToolCallDeltaChunk | ApiStreamToolCallEndChunk;

/** Everything a handler's stream yields, discriminated by `type`. */
export type ApiStreamChunk =
  | ApiStreamTextChunk
  | ApiStreamReasoningChunk
  | ApiStreamReasoningDetailsChunk
  | ApiStreamUsageChunk
  | ApiStreamProviderBlockChunk
  | ApiStreamToolCallPartialChunk
  | ApiStreamToolCallCompleteChunk
  | ToolCallStreamEvent
  | ApiStreamFinishReasonChunk
  | ApiStreamRetryChunk
  | ApiStreamErrorChunk;

/** What `createMessage` returns. */
export type ApiStream = AsyncIterable<ApiStreamChunk>;
