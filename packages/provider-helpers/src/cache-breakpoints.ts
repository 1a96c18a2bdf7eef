import type { CacheControl, ChatMessage, ChatTextPart } from "./chat-request-body.js";

const EPHEMERAL: CacheControl = { type: "ephemeral" };

/** Marks the message's last text part (a string becomes one part); false when it has no text to mark. */
function mark(message: ChatMessage): boolean {
  if (message.role === "assistant") return false;
  if (typeof message.content === "string") {
    // Anthropic rejects empty text blocks, with or without a breakpoint.
    if (message.content === "") return false;
    const part: ChatTextPart = { type: "text", text: message.content, cache_control: EPHEMERAL };
    message.content = [part];
    return true;
  }
  const parts = message.content as Array<{ type: string; text?: string; cache_control?: CacheControl }>;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part?.type === "text" && part.text !== "") {
      part.cache_control = EPHEMERAL;
      return true;
    }
  }
  return false;
}

/**
 * Anthropic prompt caching through OpenRouter (mutates `messages`): `cache_control: ephemeral` on the
 * system message, on the last user/tool message, and on the last user/tool message before the last
 * assistant message, so that each request reads the prefix the previous one wrote. Four breakpoints
 * are allowed; this uses at most three.
 */
export function addCacheBreakpoints(messages: ChatMessage[]): ChatMessage[] {
  const system = messages.find((m) => m.role === "system");
  if (system) mark(system);
  const lastAssistant = messages.findLastIndex((m) => m.role === "assistant");
  const isInput = (m: ChatMessage) => m.role === "user" || m.role === "tool";
  const last = messages.findLastIndex(isInput);
  const beforeAssistant = messages.slice(0, Math.max(lastAssistant, 0)).findLastIndex(isInput);
  for (const at of new Set([last, beforeAssistant])) {
    const message = messages[at];
    if (at >= 0 && message) mark(message);
  }
  return messages;
}
