import type { MessageParam, ToolResultBlockParam, ToolUseBlockParam } from "@parallel-tool-calls/core-metadata";

export interface AuditedCall {
  id: string;
  name: string;
  input: unknown;
  /** Text of the first result answering this call, if any. */
  result?: string;
  results: number;
}

export interface HistoryAudit {
  calls: AuditedCall[];
  /** Calls without a result in the message right after them. */
  lost: number;
  /** Results beyond the first for one call. */
  duplicated: number;
  /** Results answering no call of the preceding assistant message. */
  orphaned: number;
}

function textOf(content: ToolResultBlockParam["content"]): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** Checks the one-result-per-call rule over a saved conversation (Anthropic-style blocks). */
export function auditHistory(history: readonly MessageParam[]): HistoryAudit {
  const audit: HistoryAudit = { calls: [], lost: 0, duplicated: 0, orphaned: 0 };
  history.forEach((message, i) => {
    if (message.role === "user" && typeof message.content !== "string") {
      const previous = history[i - 1];
      const callIds = new Set(
        previous?.role === "assistant" && typeof previous.content !== "string"
          ? previous.content.filter((b) => b.type === "tool_use").map((b) => (b as ToolUseBlockParam).id)
          : [],
      );
      for (const block of message.content) {
        if (block.type === "tool_result" && !callIds.has(block.tool_use_id)) audit.orphaned++;
      }
    }
    if (message.role !== "assistant" || typeof message.content === "string") return;
    const next = history[i + 1];
    const results =
      next?.role === "user" && typeof next.content !== "string"
        ? next.content.filter((b): b is ToolResultBlockParam => b.type === "tool_result")
        : [];
    for (const block of message.content) {
      if (block.type !== "tool_use") continue;
      const answers = results.filter((r) => r.tool_use_id === block.id);
      const first = answers[0];
      audit.calls.push({
        id: block.id,
        name: block.name,
        input: block.input,
        results: answers.length,
        ...(first ? { result: textOf(first.content) } : {}),
      });
      if (answers.length === 0) audit.lost++;
      else audit.duplicated += answers.length - 1;
    }
  });
  return audit;
}
