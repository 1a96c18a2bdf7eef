import { readFile, stat } from "node:fs/promises";
import { compileGlob } from "./glob.js";
import { MAX_READ_BYTES } from "./read-file.js";
import { walk } from "./walk.js";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

export const MAX_SEARCH_MATCHES = 200;
const MAX_LINE_CHARS = 200;

export interface SearchFilesInput {
  path?: string;
  regex: string;
  file_pattern?: string;
}

function compileRegex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new WorkspaceError("INVALID_REGEX", `invalid regular expression: ${(error as Error).message}`);
  }
}

/** Searches text files line by line; answers `path:line: text` per match. */
export async function searchWorkspaceFiles(workspace: Workspace, input: SearchFilesInput): Promise<string> {
  const regex = compileRegex(input.regex);
  const matchesPattern = input.file_pattern ? compileGlob(input.file_pattern) : () => true;
  const path = input.path ?? ".";
  const dir = await workspace.resolve(path);
  if (!(await stat(dir.absolute)).isDirectory()) {
    throw new WorkspaceError("NOT_A_DIRECTORY", `not a directory: ${path}`, path);
  }
  const matches: string[] = [];
  for await (const entry of walk(workspace, dir.absolute, true)) {
    if (entry.isDirectory || !matchesPattern(entry.relative)) continue;
    if ((await stat(entry.absolute)).size > MAX_READ_BYTES) continue;
    const text = await readFile(entry.absolute, "utf8");
    if (text.includes("\0")) continue; // binary
    const lines = text.split("\n");
    for (const [i, line] of lines.entries()) {
      if (!regex.test(line)) continue;
      if (matches.length === MAX_SEARCH_MATCHES) {
        return `${matches.join("\n")}\n(stopped after ${MAX_SEARCH_MATCHES} matches)`;
      }
      matches.push(`${entry.relative}:${i + 1}: ${line.trim().slice(0, MAX_LINE_CHARS)}`);
    }
  }
  return matches.length === 0 ? "(no matches)" : matches.join("\n");
}
