import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageParam,
  ReasoningDetail,
  ToolResultBlockParam,
} from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import type OpenAI from "openai";
import type {
  ChatAssistantMessage,
  ChatMessage,
  ChatToolCall,
  ChatToolMessage,
  ChatUserMessage,
  ChatUserPart,
} from "./chat-request-body.js";
import { assertHistoryMessage, invalidHistory as invalid } from "./history-message.js";
import type { ModelRoute, ModelRules } from "./model-rules.js";
import { ToolCallIdMap } from "./tool-call-ids.js";

/** How a history is shaped for one model; every field defaults to the plain OpenAI shape. */
export interface MessageConversionOptions {
  /** Tool-call id shape for calls and results (default `safe`). */
  toolCallIds?: ModelRules["toolCallIds"];
  /** Reasoning text as `reasoning_content` on assistant messages with tool calls (default `omit`). */
  reasoningContent?: ModelRules["reasoningContent"];
  /** Thought-signature placeholders where a history has none (default `none`). */
  thoughtSignatures?: ModelRules["thoughtSignatures"];
  /**
   * `openrouter`: assistant `reasoning_details` are sent back (and Gemini's placeholder goes there);
   * `direct` (default): they are not, and Gemini's placeholder goes on the first call's `extra_content`.
   */
  route?: ModelRoute;
  /** Thinking blocks become Anthropic-format `reasoning_details` when a message has none (Claude via OpenRouter). */
  thinkingAsReasoningDetails?: boolean;
}

/**
 * Google's documented value for a thought signature the client does not have (history written by
 * another model): the server skips validation for that call instead of answering 400.
 */
export const SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";
const GEMINI_DETAIL_FORMAT = "google-gemini-v1";
const ANTHROPIC_DETAIL_FORMAT = "anthropic-claude-v1";

function imagePart(block: ImageBlockParam): OpenAI.Chat.ChatCompletionContentPartImage {
  const { source } = block;
  const url = source.type === "base64" ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: "image_url", image_url: { url } };
}

/** Tool messages carry a string: text parts joined; images move to the following user message. */
function toolResultContent(block: ToolResultBlockParam): { text: string; images: ImageBlockParam[] } {
  if (block.content === undefined) return { text: "", images: [] };
  if (typeof block.content === "string") return { text: block.content, images: [] };
  const texts: string[] = [];
  const images: ImageBlockParam[] = [];
  for (const part of block.content) {
    if (part.type === "text") texts.push(part.text);
    else if (part.type === "image") images.push(part);
  }
  return { text: texts.join("\n"), images };
}

function convertUser(blocks: ContentBlockParam[], at: number, ids: ToolCallIdMap): ChatMessage[] {
  const toolMessages: ChatToolMessage[] = [];
  const parts: ChatUserPart[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "tool_result": {
        const { text, images } = toolResultContent(block);
        toolMessages.push({ role: "tool", tool_call_id: ids.result(block.tool_use_id), content: text });
        parts.push(...images.map(imagePart));
        break;
      }
      case "text":
        parts.push({ type: "text", text: block.text });
        break;
      case "image":
        parts.push(imagePart(block));
        break;
      default:
        throw invalid(`messages[${at}]: a user message cannot contain a "${block.type}" block`);
    }
  }
  // Tool results must directly follow the assistant's tool calls, so they go before any user text.
  const user: ChatUserMessage[] = parts.length > 0 ? [{ role: "user", content: parts }] : [];
  return [...toolMessages, ...user];
}

function googleSignature(extra: Record<string, unknown> | undefined): unknown {
  const google = extra?.google;
  return isRecord(google) ? google.thought_signature : undefined;
}

/** The message's details with call ids mapped like the calls, plus Gemini's placeholder if it has no signature. */
function reasoningDetailsFor(
  message: MessageParam,
  blocks: ContentBlockParam[],
  calls: ChatToolCall[],
  idOf: Map<string, string>,
  options: MessageConversionOptions,
): ReasoningDetail[] | undefined {
  let details: ReasoningDetail[] = (message.reasoning_details ?? []).map((detail) =>
    typeof detail.id === "string" && idOf.has(detail.id) ? { ...detail, id: idOf.get(detail.id) } : detail,
  );
  if (details.length === 0 && options.thinkingAsReasoningDetails) {
    details = blocks.flatMap((block, index): ReasoningDetail[] => {
      if (block.type === "thinking") {
        return [
          {
            type: "reasoning.text",
            text: block.thinking,
            signature: block.signature,
            format: ANTHROPIC_DETAIL_FORMAT,
            index,
          },
        ];
      }
      if (block.type === "redacted_thinking") {
        return [{ type: "reasoning.encrypted", data: block.data, format: ANTHROPIC_DETAIL_FORMAT, index }];
      }
      return [];
    });
  }
  const first = calls[0];
  const signed = (d: ReasoningDetail) => d.type === "reasoning.encrypted" && d.id === first?.id;
  if (options.thoughtSignatures === "gemini" && first && !details.some(signed)) {
    // Exactly one, tied to the first call: Gemini signs only the first call of a parallel batch,
    // and OpenRouter rejects a placeholder per call. Another model's encrypted details (no call id)
    // do not count.
    details = [
      ...details,
      {
        type: "reasoning.encrypted",
        data: SKIP_THOUGHT_SIGNATURE,
        id: first.id,
        format: GEMINI_DETAIL_FORMAT,
        index: 0,
      },
    ];
  }
  return details.length > 0 ? details : undefined;
}

function convertAssistant(
  message: MessageParam,
  blocks: ContentBlockParam[],
  at: number,
  ids: ToolCallIdMap,
  options: MessageConversionOptions,
): ChatAssistantMessage {
  const texts: string[] = [];
  const reasoning: string[] = [];
  const calls: ChatToolCall[] = [];
  const idOf = new Map<string, string>();
  ids.beginTurn();
  for (const block of blocks) {
    switch (block.type) {
      case "text":
        texts.push(block.text);
        break;
      case "reasoning":
        reasoning.push(block.text);
        break;
      case "thinking":
        reasoning.push(block.thinking);
        break;
      case "redacted_thinking":
        // Opaque: it can only travel as a reasoning detail (below).
        break;
      case "provider_data":
        // Another protocol's opaque data (e.g. a Responses reasoning item): never sent here.
        break;
      case "tool_use": {
        const id = ids.call(block.id);
        if (!idOf.has(block.id)) idOf.set(block.id, id);
        const call: ChatToolCall = {
          id,
          type: "function",
          function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
        };
        if (block.extra_content !== undefined) call.extra_content = block.extra_content;
        calls.push(call);
        break;
      }
      default:
        throw invalid(`messages[${at}]: an assistant message cannot contain a "${block.type}" block`);
    }
  }
  const text = texts.join("\n");
  if (calls.length === 0) {
    const plain: ChatAssistantMessage = { role: "assistant", content: text };
    if (options.route === "openrouter" && message.reasoning_details?.length) {
      plain.reasoning_details = message.reasoning_details;
    }
    return plain;
  }
  const first = calls[0] as ChatToolCall;
  if (
    options.thoughtSignatures === "gemini" &&
    options.route !== "openrouter" &&
    !googleSignature(first.extra_content)
  ) {
    const google = first.extra_content?.google;
    first.extra_content = {
      ...first.extra_content,
      google: {
        ...(isRecord(google) ? google : {}),
        thought_signature: SKIP_THOUGHT_SIGNATURE,
      },
    };
  }
  // Bedrock-backed providers reject `content: ""` next to tool calls; null is accepted everywhere.
  const out: ChatAssistantMessage = { role: "assistant", content: text === "" ? null : text, tool_calls: calls };
  if (options.reasoningContent === "with-tool-calls" && options.route !== "openrouter") {
    // Required even when empty: thinking-mode servers check for the field, not its length.
    out.reasoning_content = reasoning.join("");
  }
  if (options.route === "openrouter") {
    const details = reasoningDetailsFor(message, blocks, calls, idOf, options);
    if (details) out.reasoning_details = details;
  }
  return out;
}

/**
 * Converts Anthropic-style history to Chat Completions messages: assistant `tool_use` blocks become
 * `tool_calls` (with their `extra_content` echoed), user `tool_result` blocks become `tool` messages
 * placed before the user's own text and images, reasoning and thinking blocks are accepted, and
 * tool-call ids are mapped collision-free to the model's shape identically on calls and results.
 * `options` apply a model's rules (see `historyOptionsFor`); without them the output is plain OpenAI.
 */
export function convertToOpenAiMessages(
  messages: readonly MessageParam[],
  options: MessageConversionOptions = {},
): ChatMessage[] {
  const out: ChatMessage[] = [];
  const ids = new ToolCallIdMap(options.toolCallIds ?? "safe");
  messages.forEach((message, at) => {
    assertHistoryMessage(message, at);
    if (typeof message.content === "string") {
      if (message.role === "assistant") {
        out.push(convertAssistant(message, [{ type: "text", text: message.content }], at, ids, options));
      } else out.push({ role: "user", content: message.content });
      return;
    }
    if (message.role === "user") out.push(...convertUser(message.content, at, ids));
    else out.push(convertAssistant(message, message.content, at, ids, options));
  });
  return out;
}
