import type { ReasoningDetail, ReasoningEffort } from "@parallel-tool-calls/core-metadata";
import type OpenAI from "openai";

/** Anthropic prompt-cache breakpoint, as OpenRouter forwards it on a content part. */
export interface CacheControl {
  /** The only kind of breakpoint Anthropic has. */
  type: "ephemeral";
}

/** A text part of a message, with the optional cache breakpoint. */
export interface ChatTextPart extends OpenAI.Chat.ChatCompletionContentPartText {
  /** Set on the parts that end a cached prefix (Claude through OpenRouter). */
  cache_control?: CacheControl;
}

/** A part of a user message: text or an image. */
export type ChatUserPart = ChatTextPart | OpenAI.Chat.ChatCompletionContentPartImage;

/** The system message. */
export interface ChatSystemMessage extends OpenAI.Chat.ChatCompletionSystemMessageParam {
  /** A string, or text parts when a cache breakpoint is set. */
  content: string | ChatTextPart[];
}

/** A user message: the user's text and images (tool results are `tool` messages). */
export interface ChatUserMessage extends OpenAI.Chat.ChatCompletionUserMessageParam {
  /** A string, or text and image parts. */
  content: string | ChatUserPart[];
}

/** One tool result, answering the call with the same `tool_call_id`. */
export interface ChatToolMessage extends OpenAI.Chat.ChatCompletionToolMessageParam {
  /** A string, or text parts when a cache breakpoint is set. */
  content: string | ChatTextPart[];
}

/** One tool call of an assistant message. */
export interface ChatToolCall extends OpenAI.Chat.ChatCompletionMessageFunctionToolCall {
  /** Provider data echoed on the same call exactly as received (Gemini 3 thought signature). */
  extra_content?: Record<string, unknown>;
}

/** An assistant message: its text, tool calls, and the reasoning some servers want back. */
export interface ChatAssistantMessage extends OpenAI.Chat.ChatCompletionAssistantMessageParam {
  /** The text; `null` next to tool calls (some servers reject an empty string there). */
  content?: string | null;
  /** The calls, in the order the model made them. */
  tool_calls?: ChatToolCall[];
  /** Thinking-mode servers (DeepSeek, Kimi) want their reasoning back on messages with tool calls. */
  reasoning_content?: string;
  /** OpenRouter: the message's accumulated reasoning details, sent back unchanged. */
  reasoning_details?: ReasoningDetail[];
}

/** A Chat Completions message as `convertToOpenAiMessages` produces it. */
export type ChatMessage = ChatSystemMessage | ChatUserMessage | ChatToolMessage | ChatAssistantMessage;

/** OpenRouter's `provider` request field (the subset handlers set). */
export interface ChatProviderRouting {
  order?: string[];
  data_collection?: "allow" | "deny";
  sort?: "price" | "throughput" | "latency";
  zdr?: boolean;
}

/** OpenRouter's unified reasoning control. */
export type ChatReasoningControl = { max_tokens: number } | { effort: ReasoningEffort };

/**
 * The whole streaming request body every handler sends: the SDK's own type, with the messages
 * narrowed to what the converter produces and the gateway fields OpenRouter adds.
 */
export interface ChatRequestBody extends OpenAI.Chat.ChatCompletionCreateParamsStreaming {
  messages: ChatMessage[];
  stream: true;
  provider?: ChatProviderRouting;
  reasoning?: ChatReasoningControl;
}
