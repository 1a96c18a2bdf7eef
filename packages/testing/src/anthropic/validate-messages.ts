import { thinkingSignatureFor } from "./signatures.js";

/** Why a Messages request is refused: the HTTP status and the API's own message. */
export interface MessagesRequestProblem {
  status: 400 | 401;
  message: string;
}

type Json = Record<string, unknown>;

const ID_SHAPE = /^[a-zA-Z0-9_-]+$/;
const MAX_CACHE_BREAKPOINTS = 4;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function blocksOf(message: Json): Json[] {
  if (typeof message.content === "string") return [{ type: "text", text: message.content }];
  return Array.isArray(message.content) ? message.content.filter(isObject) : [];
}

const bad = (message: string): MessagesRequestProblem => ({ status: 400, message });

function countCacheControl(body: Json): number {
  let count = 0;
  const add = (value: unknown) => {
    if (isObject(value) && value.cache_control !== undefined) count++;
  };
  if (Array.isArray(body.system)) body.system.forEach(add);
  if (Array.isArray(body.tools)) body.tools.forEach(add);
  for (const message of Array.isArray(body.messages) ? body.messages.filter(isObject) : []) {
    if (Array.isArray(message.content)) {
      for (const block of message.content) {
        add(block);
        if (isObject(block) && Array.isArray(block.content)) block.content.forEach(add);
      }
    }
  }
  return count;
}

/** Shapes of each block: non-empty text, valid and unique tool_use ids, signed thinking. */
function checkBlocks(messages: Json[], thinkingOn: boolean): MessagesRequestProblem | null {
  const ids = new Set<string>();
  for (const [i, message] of messages.entries()) {
    if (message.role !== "user" && message.role !== "assistant") {
      return bad(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    const blocks = blocksOf(message);
    const last = i === messages.length - 1 && message.role === "assistant";
    if (blocks.length === 0 && !last) {
      return bad(
        `messages.${i}: all messages must have non-empty content except for the optional final assistant message`,
      );
    }
    for (const [j, block] of blocks.entries()) {
      const at = `messages.${i}.content.${j}`;
      if (block.type === "text" && (typeof block.text !== "string" || block.text === "")) {
        return bad(`${at}: text content blocks must be non-empty`);
      }
      if (block.type === "tool_result" && Array.isArray(block.content)) {
        for (const [k, inner] of block.content.entries()) {
          if (isObject(inner) && inner.type === "text" && (typeof inner.text !== "string" || inner.text === "")) {
            return bad(`${at}.content.${k}: text content blocks must be non-empty`);
          }
        }
      }
      if (block.type === "tool_use") {
        if (typeof block.id !== "string" || !ID_SHAPE.test(block.id)) {
          return bad(`${at}.id: String should match pattern '^[a-zA-Z0-9_-]+$'`);
        }
        if (ids.has(block.id)) return bad(`${at}: tool_use ids must be unique`);
        ids.add(block.id);
      }
      if (
        block.type === "tool_result" &&
        (typeof block.tool_use_id !== "string" || !ID_SHAPE.test(block.tool_use_id))
      ) {
        return bad(`${at}.tool_use_id: String should match pattern '^[a-zA-Z0-9_-]+$'`);
      }
      if (block.type === "thinking") {
        if (typeof block.signature !== "string") return bad(`${at}.thinking.signature: Field required`);
        // Checked with thinking on: a changed text or a signature not issued for it.
        if (thinkingOn && block.signature !== thinkingSignatureFor(String(block.thinking ?? ""))) {
          return bad(`${at}: Invalid signature in thinking block`);
        }
      }
    }
  }
  return null;
}

/** Every tool_use answered at the start of the next message, and no result without its call. */
function checkPairing(messages: Json[]): MessagesRequestProblem | null {
  for (const [i, message] of messages.entries()) {
    const blocks = blocksOf(message);
    if (message.role === "user") {
      const previous = i > 0 ? messages[i - 1] : undefined;
      const calls = new Set(
        previous?.role === "assistant"
          ? blocksOf(previous)
              .filter((b) => b.type === "tool_use")
              .map((b) => String(b.id))
          : [],
      );
      for (const [j, block] of blocks.entries()) {
        if (block.type === "tool_result" && !calls.has(String(block.tool_use_id))) {
          return bad(
            `messages.${i}.content.${j}: unexpected tool_use_id found in tool_result blocks: ${String(block.tool_use_id)}. ` +
              "Each tool_result block must have a corresponding tool_use block in the previous message.",
          );
        }
      }
      continue;
    }
    const calls = blocks.filter((b) => b.type === "tool_use").map((b) => String(b.id));
    if (calls.length === 0) continue;
    // Results count only as the leading blocks of the very next message ("immediately after").
    const next = messages[i + 1];
    const answered = new Set<string>();
    for (const block of next?.role === "user" ? blocksOf(next) : []) {
      if (block.type !== "tool_result") break;
      answered.add(String(block.tool_use_id));
    }
    const missing = calls.filter((id) => !answered.has(id));
    if (missing.length > 0) {
      return bad(
        `messages.${i + 1}: tool_use ids were found without tool_result blocks immediately after: ${missing.join(", ")}. ` +
          "Each tool_use block must have a corresponding tool_result block in the next message.",
      );
    }
  }
  return null;
}

/** With thinking on, the assistant message of the last tool round must start with (redacted) thinking. */
function checkFinalThinking(messages: Json[]): MessagesRequestProblem | null {
  const last = messages.at(-1);
  if (last?.role !== "user" || !blocksOf(last).some((b) => b.type === "tool_result")) return null;
  const i = messages.length - 2;
  const assistant = messages[i];
  const first = assistant ? blocksOf(assistant)[0] : undefined;
  if (assistant?.role !== "assistant" || !first) return null;
  if (first.type === "thinking" || first.type === "redacted_thinking") return null;
  return bad(
    `messages.${i}.content.0.type: Expected thinking or redacted_thinking, but found ${String(first.type)}. ` +
      "When thinking is enabled, a final assistant message must start with a thinking block (preceeding the lastmost " +
      "set of tool_use and tool_result blocks). We recommend you include thinking blocks from previous turns. To " +
      "avoid this requirement, disable thinking.",
  );
}

/**
 * Checks a Messages request the way the API does before any model runs: `null` when it would be
 * accepted, otherwise the status and message it answers with (see protocols.md for the messages).
 */
export function findMessagesRequestProblem(
  body: unknown,
  headers: Record<string, string>,
): MessagesRequestProblem | null {
  if (!headers["x-api-key"] && !headers.authorization) {
    return { status: 401, message: "x-api-key header is required" };
  }
  if (!headers["anthropic-version"]) return bad("anthropic-version: header is required");
  if (!isObject(body)) return bad("There was an error parsing the body of your request.");
  if (typeof body.model !== "string" || body.model === "") return bad("model: Field required");
  if (typeof body.max_tokens !== "number") return bad("max_tokens: Field required");
  if (!Array.isArray(body.messages) || body.messages.length === 0) return bad("messages: Field required");
  if (body.tool_choice !== undefined && !(Array.isArray(body.tools) && body.tools.length > 0)) {
    return bad("tool_choice may only be specified while providing tools.");
  }
  const thinking = isObject(body.thinking) && body.thinking.type === "enabled";
  if (thinking && isObject(body.thinking) && !(Number(body.thinking.budget_tokens) < body.max_tokens)) {
    return bad("`max_tokens` must be greater than `thinking.budget_tokens`.");
  }
  const breakpoints = countCacheControl(body);
  if (breakpoints > MAX_CACHE_BREAKPOINTS) {
    return bad(`A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`);
  }
  const messages = body.messages.filter(isObject);
  return checkBlocks(messages, thinking) ?? checkPairing(messages) ?? (thinking ? checkFinalThinking(messages) : null);
}
