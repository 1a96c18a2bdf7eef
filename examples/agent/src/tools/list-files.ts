import { stat } from "node:fs/promises";
import { walk } from "./walk.js";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

export const MAX_LISTED_ENTRIES = 500;

export interface ListFilesInput {
  path?: string;
  recursive?: boolean;
}

/** Lists workspace-relative paths, directories with a trailing slash, one per line. */
export async function listWorkspaceFiles(workspace: Workspace, input: ListFilesInput = {}): Promise<string> {
  const path = input.path ?? ".";
  const dir = await workspace.resolve(path);
  if (!(await stat(dir.absolute)).isDirectory()) {
    throw new WorkspaceError("NOT_A_DIRECTORY", `not a directory: ${path}`, path);
  }
  const lines: string[] = [];
  for await (const entry of walk(workspace, dir.absolute, input.recursive ?? false)) {
    if (lines.length === MAX_LISTED_ENTRIES) {
      lines.push(`(stopped after ${MAX_LISTED_ENTRIES} entries)`);
      break;
    }
    lines.push(entry.isDirectory ? `${entry.relative}/` : entry.relative);
  }
  return lines.length === 0 ? "(empty directory)" : lines.join("\n");
}
