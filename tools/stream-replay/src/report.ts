import { FIELDS } from "./compare.js";
import type { ReplayResult } from "./replay.js";
import type { UsageSummary } from "./summary.js";

function usageText(usage: UsageSummary | undefined): string {
  if (!usage) return "no usage";
  const parts = [`in ${usage.inputTokens}`, `out ${usage.outputTokens}`];
  if (usage.reasoningTokens !== undefined) parts.push(`reasoning ${usage.reasoningTokens}`);
  if (usage.cacheReadTokens !== undefined) parts.push(`cached ${usage.cacheReadTokens}`);
  if (usage.totalCost !== undefined) parts.push(`cost ${usage.totalCost}`);
  return parts.join(" ");
}

/** One line per recording: replayed vs recorded (calls, text, reasoning, usage), then any problem. */
export function formatResult(r: ReplayResult): string {
  const { expected: e, actual: a } = r;
  const head = [
    r.complete ? "ok  " : "LOSS",
    r.name,
    `[${r.handler}]`,
    `calls ${a.calls.length}/${e.calls.length}`,
    `text ${a.text.length}/${e.text.length}`,
    `reasoning ${a.reasoning.length}/${e.reasoning.length}`,
    `usage ${usageText(a.usage)}${r.fields.usage.problem ? ` (recorded: ${usageText(e.usage)})` : ""}`,
    ...(r.errorCode ? [`error ${r.errorCode}`] : []),
  ].join("  ");
  const problems = FIELDS.flatMap((f) => (r.fields[f].problem ? [`    ${f}: ${r.fields[f].problem}`] : []));
  return [head, ...problems].join("\n");
}

/** The final line: how many recordings replayed without loss, and per field how many matched. */
export function formatSummary(results: readonly ReplayResult[]): string {
  const lost = results.filter((r) => !r.complete).length;
  const perField = FIELDS.map((field) => {
    const present = results.filter((r) => r.fields[field].present);
    const ok = present.filter((r) => r.fields[field].problem === undefined).length;
    return `${field} ${ok}/${present.length}`;
  });
  return `replayed ${results.length} recordings: ${results.length - lost} complete, ${lost} with loss (${perField.join(", ")})`;
}
