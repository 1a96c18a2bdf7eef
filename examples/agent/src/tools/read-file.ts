import { readFile, stat } from "node:fs/promises";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

export const MAX_READ_BYTES = 256 * 1024;

export interface ReadFileInput {
  path: string;
}

/** Reads one UTF-8 text file inside the workspace. */
export async function readWorkspaceFile(workspace: Workspace, input: ReadFileInput): Promise<string> {
  const target = await workspace.resolve(input.path);
  const info = await stat(target.absolute);
  if (!info.isFile()) throw new WorkspaceError("NOT_A_FILE", `not a file: ${input.path}`, input.path);
  if (info.size > MAX_READ_BYTES) {
    throw new WorkspaceError(
      "FILE_TOO_LARGE",
      `file is ${info.size} bytes, more than the ${MAX_READ_BYTES}-byte limit: ${input.path}`,
      input.path,
    );
  }
  return readFile(target.absolute, "utf8");
}
