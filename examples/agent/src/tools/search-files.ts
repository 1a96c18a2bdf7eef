import { BoundedLines } from "./bounded-output.js";
import { compileGlob } from "./glob.js";
import { MAX_SEARCH_MATCHES, resolveLimits, type ToolRunOptions, type WorkspaceLimits } from "./limits.js";
import { compileSearchRegex } from "./linear-regex.js";
import { type Opened, openInside } from "./open-inside.js";
import { Pacer } from "./pacer.js";
import { readBounded } from "./read-bounded.js";
import { showPath } from "./show-path.js";
import { openStartDirectory } from "./start-directory.js";
import { type WalkEntry, type WalkState, walk } from "./walk.js";
import { stopNotes } from "./walk-notes.js";
import type { Workspace } from "./workspace.js";

export { MAX_SEARCH_MATCHES };

export interface SearchFilesInput {
  path?: string;
  regex: string;
  file_pattern?: string;
}

interface Skipped {
  tooLarge: number;
  unreadable: number;
  cutLines: number;
}

/** A walked file's text, or undefined when it is not searched (too large, binary, unreadable, changed). */
async function textOf(
  workspace: Workspace,
  entry: WalkEntry,
  limits: WorkspaceLimits,
  skipped: Skipped,
): Promise<string | undefined> {
  const shown = showPath(entry.relative);
  let file: Opened;
  try {
    file = await openInside(workspace, { path: entry.openPath, expect: "file", followLink: entry.viaLink, shown });
  } catch {
    skipped.unreadable++;
    return undefined;
  }
  try {
    if (file.stats.size > limits.maxReadBytes) {
      skipped.tooLarge++;
      return undefined;
    }
    const bytes = await readBounded(file.handle, limits.maxReadBytes + 1);
    if (bytes.length > limits.maxReadBytes) {
      skipped.tooLarge++;
      return undefined;
    }
    if (bytes.includes(0)) return undefined; // binary
    return bytes.toString("utf8");
  } catch {
    skipped.unreadable++;
    return undefined;
  } finally {
    await file.handle.close().catch(() => undefined);
  }
}

function skipNotes(skipped: Skipped, limits: WorkspaceLimits, scanChars: number): string[] {
  const notes: string[] = [];
  if (skipped.tooLarge > 0) {
    notes.push(`${skipped.tooLarge} files over ${limits.maxReadBytes} bytes were not searched`);
  }
  if (skipped.unreadable > 0) notes.push(`${skipped.unreadable} files could not be read and were not searched`);
  if (skipped.cutLines > 0) {
    notes.push(
      `${skipped.cutLines} lines longer than ${scanChars} characters were searched in their first ${scanChars}`,
    );
  }
  return notes;
}

/**
 * Searches regular text files line by line with an RE2 pattern (linear time); answers
 * `path:line: text` per match. Yields to the event loop as it goes, honours the abort signal, and is
 * bounded in matches, bytes, visited entries, per-line work and time.
 */
export async function searchWorkspaceFiles(
  workspace: Workspace,
  input: SearchFilesInput,
  options: ToolRunOptions = {},
): Promise<string> {
  const limits = resolveLimits(options.limits);
  const pacer = new Pacer("search_files", options.signal, limits.timeBudgetMs, limits.sliceMs);
  const regex = compileSearchRegex(input.regex, limits);
  const matchesPattern = input.file_pattern ? compileGlob(input.file_pattern, limits) : () => true;
  // A line longer than this is searched in its first `scanChars` characters: one line stays cheap.
  const scanChars = Math.max(1, Math.floor(limits.maxLineWork / Math.max(1, regex.programSize)));
  const dir = await openStartDirectory(workspace, input.path ?? ".");
  const out = new BoundedLines(limits.maxSearchMatches, limits.maxOutputBytes);
  const state: WalkState = { visited: 0 };
  const skipped: Skipped = { tooLarge: 0, unreadable: 0, cutLines: 0 };
  try {
    files: for await (const entry of walk(workspace, dir, { recursive: true, limits, pacer, state })) {
      if (entry.kind !== "file" || !matchesPattern(entry.relative)) continue;
      const text = await textOf(workspace, entry, limits, skipped);
      if (text === undefined) continue;
      const lines = text.split("\n");
      if (text.endsWith("\n")) lines.pop(); // the final newline ends a line; it does not start one
      for (let i = 0; i < lines.length; i++) {
        if (pacer.due) await pacer.step();
        if (pacer.expired) {
          state.stopped = "time";
          break files;
        }
        const line = lines[i] as string;
        let scanned = line;
        if (line.length > scanChars) {
          skipped.cutLines++;
          scanned = line.slice(0, scanChars);
        }
        if (!regex.test(scanned)) continue;
        const shownLine = line.trim().slice(0, limits.maxShownLineChars);
        if (!out.push(`${showPath(entry.relative)}:${i + 1}: ${shownLine}`)) break files;
      }
    }
  } finally {
    await dir.close();
  }
  const notes = [...stopNotes(out, state, limits, "matches"), ...skipNotes(skipped, limits, scanChars)];
  return out.render(notes, "(no matches)");
}
