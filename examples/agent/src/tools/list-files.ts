import { BoundedLines } from "./bounded-output.js";
import { MAX_LISTED_ENTRIES, resolveLimits, type ToolRunOptions } from "./limits.js";
import { Pacer } from "./pacer.js";
import { showPath } from "./show-path.js";
import { openStartDirectory } from "./start-directory.js";
import { type WalkState, walk } from "./walk.js";
import { stopNotes } from "./walk-notes.js";
import type { Workspace } from "./workspace.js";

export { MAX_LISTED_ENTRIES };

export interface ListFilesInput {
  path?: string;
  recursive?: boolean;
}

/**
 * Lists workspace-relative paths, directories with a trailing slash, one per line; names that would
 * be ambiguous are shown as JSON strings. Bounded in entries, bytes, visited entries and time.
 */
export async function listWorkspaceFiles(
  workspace: Workspace,
  input: ListFilesInput = {},
  options: ToolRunOptions = {},
): Promise<string> {
  const limits = resolveLimits(options.limits);
  const pacer = new Pacer("list_files", options.signal, limits.timeBudgetMs, limits.sliceMs);
  const dir = await openStartDirectory(workspace, input.path ?? ".");
  const out = new BoundedLines(limits.maxListedEntries, limits.maxOutputBytes);
  const state: WalkState = { visited: 0 };
  try {
    for await (const entry of walk(workspace, dir, { recursive: input.recursive ?? false, limits, pacer, state })) {
      if (!out.push(entry.kind === "directory" ? `${showPath(entry.relative)}/` : showPath(entry.relative))) break;
    }
  } finally {
    await dir.close();
  }
  return out.render(stopNotes(out, state, limits, "entries"), "(empty directory)");
}
