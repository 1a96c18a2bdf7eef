import { isDeepStrictEqual } from "node:util";
import type { StreamSummary, UsageSummary } from "./summary.js";

export type Field = "calls" | "text" | "reasoning" | "usage" | "error";
export const FIELDS: readonly Field[] = ["calls", "text", "reasoning", "usage", "error"];

/** Per field: whether it was compared (the recording has any) and, if so, what differs. */
export interface FieldResult {
  present: boolean;
  /** `undefined` when the replay matches the recording. */
  problem?: string;
}

function usageProblem(expected: UsageSummary | undefined, actual: UsageSummary | undefined): string | undefined {
  if (!expected) return actual ? "usage reported that the recording does not have" : undefined;
  if (!actual) return "usage lost";
  const wrong: string[] = [];
  for (const key of ["inputTokens", "outputTokens", "reasoningTokens", "cacheReadTokens"] as const) {
    if (expected[key] !== undefined && expected[key] !== actual[key]) {
      wrong.push(`${key} ${actual[key] ?? "missing"} (recorded ${expected[key]})`);
    }
  }
  const cost = actual.totalCost;
  if (expected.totalCost !== undefined && (cost === undefined || Math.abs(cost - expected.totalCost) > 1e-12)) {
    wrong.push(`totalCost ${cost ?? "missing"} (recorded ${expected.totalCost})`);
  }
  return wrong.length ? wrong.join(", ") : undefined;
}

function textProblem(kind: string, expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  if (actual === "") return `${kind} lost (${expected.length} chars recorded)`;
  return `${kind} differs: ${actual.length} chars, recorded ${expected.length}`;
}

export function compare(expected: StreamSummary, actual: StreamSummary): Record<Field, FieldResult> {
  const callsMatch =
    expected.calls.length === actual.calls.length &&
    expected.calls.every(
      (call, i) => call.name === actual.calls[i]?.name && isDeepStrictEqual(call.arguments, actual.calls[i]?.arguments),
    );
  return {
    calls: {
      present: expected.calls.length > 0,
      ...(callsMatch
        ? {}
        : { problem: `calls ${actual.calls.length}/${expected.calls.length} or their arguments differ` }),
    },
    text: { present: expected.text !== "", ...optional(textProblem("text", expected.text, actual.text)) },
    reasoning: {
      present: expected.reasoning !== "",
      ...optional(textProblem("reasoning", expected.reasoning, actual.reasoning)),
    },
    usage: { present: expected.usage !== undefined, ...optional(usageProblem(expected.usage, actual.usage)) },
    error: {
      present: expected.failed,
      ...optional(
        expected.failed === actual.failed
          ? undefined
          : expected.failed
            ? "the recording ends in an error, the replay did not fail"
            : "the replay failed on a recording that ends cleanly",
      ),
    },
  };
}

function optional(problem: string | undefined): { problem?: string } {
  return problem === undefined ? {} : { problem };
}
