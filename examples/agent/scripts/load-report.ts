import type { ToolLoopResult } from "@parallel-tool-calls/sequential-executor";

/** One reason for which sessions failed, with the sessions (by index) that failed for it. */
export interface FailureReason {
  reason: string;
  sessions: number[];
  /** "3 sessions: #12, #40, #77" (the first 20 indices). */
  summary: string;
}

const LISTED = 20;

/** The failed sessions (status other than `completed`) grouped by reason, most frequent first. */
export function failureReasons(outcomes: Array<{ i: number; result: ToolLoopResult }>): FailureReason[] {
  const byReason = new Map<string, number[]>();
  for (const { i, result } of outcomes) {
    if (result.status === "completed") continue;
    const error = result.error;
    const cause = error?.cause as { code?: unknown } | undefined;
    const reason = error
      ? `${result.status}, ${typeof cause?.code === "string" ? cause.code : error.code}: ${error.message}`
      : `${result.status} after ${result.turns.length} turns`;
    const list = byReason.get(reason) ?? [];
    list.push(i);
    byReason.set(reason, list);
  }
  return [...byReason]
    .map(([reason, sessions]) => {
      const shown = sessions.slice(0, LISTED).map((i) => `#${i}`);
      const more = sessions.length > LISTED ? `, … ${sessions.length - LISTED} more` : "";
      return { reason, sessions, summary: `${sessions.length} sessions: ${shown.join(", ")}${more}` };
    })
    .sort((a, b) => b.sessions.length - a.sessions.length);
}

/** The value at rank `p` (0–1) of values sorted in ascending order; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}
