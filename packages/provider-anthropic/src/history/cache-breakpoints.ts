import type { AnthropicCacheControl, AnthropicContentBlock, AnthropicMessage } from "../wire-types.js";

const EPHEMERAL: AnthropicCacheControl = { type: "ephemeral" };

/** The API allows this many `cache_control` blocks per request (system and tools included). */
export const MAX_CACHE_BREAKPOINTS = 4;

function markable(
  block: AnthropicContentBlock,
): block is Exclude<AnthropicContentBlock, { type: "thinking" } | { type: "redacted_thinking" }> {
  return block.type !== "thinking" && block.type !== "redacted_thinking";
}

/** Puts a breakpoint on the message's last block that can take one; false when none can. */
function mark(message: AnthropicMessage | undefined): boolean {
  if (!message) return false;
  for (let i = message.content.length - 1; i >= 0; i--) {
    const block = message.content[i];
    if (block && markable(block)) {
      block.cache_control = EPHEMERAL;
      return true;
    }
  }
  return false;
}

/**
 * Prompt-cache breakpoints on the messages (mutated; the system prompt takes one more): on the last
 * user message, which writes this request's prefix for the next one, and on the last user message
 * before the last assistant message, where the previous request's prefix ended. Reading at that
 * exact point hits however many blocks the last turn added, whereas a single breakpoint at the end
 * misses once a turn adds more than the API's 20-block lookback (a call and a result per tool).
 * Returns how many were placed (at most 2, so with the system prompt's at most 3 of the 4 allowed).
 */
export function addCacheBreakpoints(messages: AnthropicMessage[]): number {
  const lastUser = messages.findLastIndex((m) => m.role === "user");
  const lastAssistant = messages.findLastIndex((m) => m.role === "assistant");
  const previousEnd = messages.slice(0, Math.max(lastAssistant, 0)).findLastIndex((m) => m.role === "user");
  let placed = 0;
  for (const at of new Set([lastUser, previousEnd])) if (at >= 0 && mark(messages[at])) placed++;
  return placed;
}
