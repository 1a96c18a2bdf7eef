import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { ProviderConfigError } from "./errors.js";

/** A history that no protocol can send (code `invalid_history`). */
export function invalidHistory(message: string): ProviderConfigError {
  return new ProviderConfigError({ code: "invalid_history", message, provider: "history" });
}

/** The checks every history converter makes first: a user or assistant role, string or block content. */
export function assertHistoryMessage(message: MessageParam, at: number): void {
  if (message.role !== "user" && message.role !== "assistant") {
    throw invalidHistory(`messages[${at}]: role must be "user" or "assistant", got ${JSON.stringify(message.role)}`);
  }
  if (typeof message.content !== "string" && !Array.isArray(message.content)) {
    throw invalidHistory(`messages[${at}]: content must be a string or an array`);
  }
}
