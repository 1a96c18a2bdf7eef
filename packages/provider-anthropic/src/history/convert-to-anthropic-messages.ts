import type { ContentBlockParam, MessageParam, ToolResultBlockParam } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { ToolCallIdMap } from "@parallel-tool-calls/provider-helpers/internal";
import type {
  AnthropicContentBlock,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
} from "../wire-types.js";

type Ids = ToolCallIdMap;

function textBlock(text: string): AnthropicTextBlock[] {
  // The API rejects empty text blocks ("text content blocks must be non-empty").
  return text === "" ? [] : [{ type: "text", text }];
}

function resultContent(block: ToolResultBlockParam): AnthropicToolResultBlock["content"] {
  const content = block.content;
  if (content === undefined || content === "") return undefined;
  if (typeof content === "string") return content;
  const parts: Array<AnthropicTextBlock | AnthropicImageBlock> = [];
  for (const part of content) {
    if (part.type === "text") parts.push(...textBlock(part.text));
    else if (part.type === "image") parts.push({ type: "image", source: part.source });
  }
  return parts.length > 0 ? parts : undefined;
}

function toolResult(block: ToolResultBlockParam, ids: Ids): AnthropicToolResultBlock {
  const out: AnthropicToolResultBlock = { type: "tool_result", tool_use_id: ids.result(block.tool_use_id) };
  const content = resultContent(block);
  if (content !== undefined) out.content = content;
  if (block.is_error === true) out.is_error = true;
  return out;
}

/** A user message: every tool_result first (the API wants them before anything else), then the rest. */
function userBlocks(content: ContentBlockParam[], ids: Ids): AnthropicContentBlock[] {
  const results: AnthropicContentBlock[] = [];
  const rest: AnthropicContentBlock[] = [];
  for (const block of content) {
    if (block.type === "tool_result") results.push(toolResult(block, ids));
    else if (block.type === "text") rest.push(...textBlock(block.text));
    else if (block.type === "image") rest.push({ type: "image", source: block.source });
    // Assistant-only blocks (calls, reasoning, provider data) have no place in a user message.
  }
  return [...results, ...rest];
}

/**
 * An assistant message: thinking and redacted thinking first, unmodified and in their order (the
 * API checks the signatures), then text and calls in stream order. Thinking without a signature
 * (another provider's, or cut off) and readable `reasoning` are never sent as thinking; other
 * protocols' `provider_data` is left out.
 */
function assistantBlocks(content: ContentBlockParam[], ids: Ids): AnthropicContentBlock[] {
  const thinking: AnthropicContentBlock[] = [];
  const rest: AnthropicContentBlock[] = [];
  ids.beginTurn();
  for (const block of content) {
    if (block.type === "thinking") {
      if (typeof block.signature === "string" && block.signature !== "") {
        thinking.push({ type: "thinking", thinking: block.thinking, signature: block.signature });
      }
    } else if (block.type === "redacted_thinking") {
      thinking.push({ type: "redacted_thinking", data: block.data });
    } else if (block.type === "text") {
      rest.push(...textBlock(block.text));
    } else if (block.type === "tool_use") {
      const input = isRecord(block.input) ? block.input : {};
      rest.push({ type: "tool_use", id: ids.call(block.id), name: block.name, input });
    }
  }
  return [...thinking, ...rest];
}

function blocksOf(message: MessageParam, ids: Ids): AnthropicContentBlock[] {
  const content: ContentBlockParam[] =
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
  return message.role === "assistant" ? assistantBlocks(content, ids) : userBlocks(content, ids);
}

/**
 * The project's history (`MessageParam[]`) as the Messages API takes it, applying its rules in one
 * place: no empty text blocks; thinking first and unchanged; every tool_result of a turn at the start
 * of the one user message after the calls (consecutive messages of one role are merged, so results
 * split over several messages still form one); tool-call ids valid for `^[a-zA-Z0-9_-]+$`, mapped the
 * same way on a call and its result when a history came from another provider. Messages left empty
 * are dropped. The input is not mutated.
 */
export function convertToAnthropicMessages(messages: readonly MessageParam[]): AnthropicMessage[] {
  const ids = new ToolCallIdMap("safe");
  const out: AnthropicMessage[] = [];
  for (const message of messages) {
    const blocks = blocksOf(message, ids);
    if (blocks.length === 0) continue;
    const previous = out.at(-1);
    if (previous?.role === message.role) {
      previous.content =
        message.role === "user" ? userOrder([...previous.content, ...blocks]) : mergeAssistant(previous, blocks);
    } else {
      out.push({ role: message.role, content: blocks });
    }
  }
  return out;
}

function isThinking(block: AnthropicContentBlock): boolean {
  return block.type === "thinking" || block.type === "redacted_thinking";
}

function userOrder(blocks: AnthropicContentBlock[]): AnthropicContentBlock[] {
  return [...blocks.filter((b) => b.type === "tool_result"), ...blocks.filter((b) => b.type !== "tool_result")];
}

function mergeAssistant(previous: AnthropicMessage, blocks: AnthropicContentBlock[]): AnthropicContentBlock[] {
  const all = [...previous.content, ...blocks];
  return [...all.filter(isThinking), ...all.filter((b) => !isThinking(b))];
}
