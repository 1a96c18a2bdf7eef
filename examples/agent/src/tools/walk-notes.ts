import type { BoundedLines } from "./bounded-output.js";
import type { WorkspaceLimits } from "./limits.js";
import type { WalkState } from "./walk.js";

/** Why a listing or search stopped early, as notes for the model. */
export function stopNotes(out: BoundedLines, state: WalkState, limits: WorkspaceLimits, unit: string): string[] {
  const notes: string[] = [];
  if (out.stopped === "count") notes.push(`stopped after ${out.lines.length} ${unit}`);
  if (out.stopped === "bytes") {
    notes.push(`stopped at the ${limits.maxOutputBytes}-byte output limit after ${out.lines.length} ${unit}`);
  }
  if (state.stopped === "visited") notes.push(`stopped after visiting ${limits.maxVisitedEntries} directory entries`);
  if (state.stopped === "time")
    notes.push(`stopped after the ${limits.timeBudgetMs} ms time limit; results are partial`);
  return notes;
}
