import type { ContentBlockParam, MessageParam } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { assertHistoryMessage, invalidHistory, ToolCallIdMap } from "@parallel-tool-calls/provider-helpers/internal";
import type {
  ResponsesInputItem,
  ResponsesInputPart,
  ResponsesReasoningItem,
} from "../request/responses-request-body.js";
import { RESPONSES_PROTOCOL } from "../stream/provider-data.js";
import { imagePart, toolOutputOf } from "./tool-output.js";

/**
 * A reasoning item this protocol can send back statelessly: one of its own (`provider_data` of
 * the Responses protocol) with its `encrypted_content`. Without it the API would look the id up in
 * storage, which `store: false` leaves empty ("Item with id 'rs_…' not found").
 */
function reasoningItemOf(block: ContentBlockParam): ResponsesReasoningItem | undefined {
  if (block.type !== "provider_data" || block.protocol !== RESPONSES_PROTOCOL) return undefined;
  const item = block.data;
  if (!isRecord(item) || item.type !== "reasoning" || typeof item.id !== "string") return undefined;
  if (typeof item.encrypted_content !== "string" || item.encrypted_content === "") return undefined;
  return item as ResponsesReasoningItem;
}

/** A user message's own text or image, as an input part. */
function userPart(block: ContentBlockParam, at: number): ResponsesInputPart {
  if (block.type === "text") return { type: "input_text", text: block.text };
  if (block.type === "image") return imagePart(block);
  throw invalidHistory(`messages[${at}]: a user message cannot contain a "${block.type}" block`);
}

function convertUser(blocks: readonly ContentBlockParam[], at: number, ids: ToolCallIdMap): ResponsesInputItem[] {
  // The outputs answer the calls just before them; the user's own words come after.
  const items: ResponsesInputItem[] = blocks.flatMap((block): ResponsesInputItem[] =>
    block.type === "tool_result"
      ? [{ type: "function_call_output", call_id: ids.result(block.tool_use_id), output: toolOutputOf(block) }]
      : [],
  );
  const parts = blocks.filter((block) => block.type !== "tool_result").map((block) => userPart(block, at));
  if (parts.length > 0) items.push({ type: "message", role: "user", content: parts });
  return items;
}

/** An assistant block as an input item, its text (merged into the message before it), or nothing. */
function assistantItem(
  block: ContentBlockParam,
  at: number,
  ids: ToolCallIdMap,
): ResponsesInputItem | string | undefined {
  switch (block.type) {
    case "text":
      return block.text;
    case "tool_use":
      return {
        type: "function_call",
        call_id: ids.call(block.id),
        name: block.name,
        arguments: JSON.stringify(block.input ?? {}),
      };
    case "provider_data":
      return reasoningItemOf(block);
    case "reasoning":
    case "thinking":
    case "redacted_thinking":
      // Readable or signed reasoning of another protocol: the Responses API takes reasoning only
      // as its own encrypted items, so it stays in the history and is not sent here.
      return undefined;
    default:
      throw invalidHistory(`messages[${at}]: an assistant message cannot contain a "${block.type}" block`);
  }
}

/** Adds text to the output message that ends `items`, or starts one; empty text adds nothing. */
function appendText(items: ResponsesInputItem[], text: string): void {
  if (text === "") return;
  const last = items.at(-1);
  if (last?.type === "message" && last.role === "assistant" && last.content[0]) {
    last.content[0].text += `\n${text}`;
  } else {
    items.push({ type: "message", role: "assistant", content: [{ type: "output_text", text, annotations: [] }] });
  }
}

function convertAssistant(blocks: readonly ContentBlockParam[], at: number, ids: ToolCallIdMap): ResponsesInputItem[] {
  ids.beginTurn();
  const items: ResponsesInputItem[] = [];
  for (const block of blocks) {
    const item = assistantItem(block, at, ids);
    if (typeof item === "string") appendText(items, item);
    else if (item) items.push(item);
  }
  // A reasoning item must be followed by the output item it led to ("provided without its required
  // following item"): one left last (a stream cut after reasoning) or before another is dropped.
  return items.filter(
    (item, i) => item.type !== "reasoning" || (items[i + 1] !== undefined && items[i + 1]?.type !== "reasoning"),
  );
}

/**
 * Converts the project's history (`MessageParam[]`) to Responses `input` items: user text and
 * images as a user message; each assistant message's items in their original order (text as an
 * output message, each of this protocol's reasoning items unmodified right before the item that
 * followed it, each `function_call {call_id, name, arguments}`); each tool result as one
 * `function_call_output` with the id of its call. Call ids of other providers are mapped to a
 * safe shape, identically on calls and outputs; reasoning of other protocols is not sent.
 */
export function convertToResponsesInput(messages: readonly MessageParam[]): ResponsesInputItem[] {
  const out: ResponsesInputItem[] = [];
  const ids = new ToolCallIdMap("safe");
  messages.forEach((message, at) => {
    assertHistoryMessage(message, at);
    const blocks: ContentBlockParam[] =
      typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    out.push(...(message.role === "user" ? convertUser(blocks, at, ids) : convertAssistant(blocks, at, ids)));
  });
  return out;
}
