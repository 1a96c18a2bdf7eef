import { stat } from "node:fs/promises";
import { fsFailure } from "./fs-failure.js";
import { openInside } from "./open-inside.js";
import { OpenedDirectory } from "./opened-directory.js";
import { showPath } from "./show-path.js";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

/** Resolves and opens the directory a `list_files` / `search_files` call starts from. */
export async function openStartDirectory(workspace: Workspace, path: string): Promise<OpenedDirectory> {
  const target = await workspace.resolve(path);
  const shown = showPath(target.relative);
  const info = await stat(target.absolute).catch((error: unknown) => {
    throw fsFailure(error, shown);
  });
  if (!info.isDirectory()) throw new WorkspaceError("NOT_A_DIRECTORY", `not a directory: ${shown}`, shown);
  const opened = await openInside(workspace, { path: target.absolute, expect: "directory", followLink: false, shown });
  return new OpenedDirectory(workspace, opened, target.relative);
}
