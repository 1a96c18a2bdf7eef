import { constants, type Stats } from "node:fs";
import { type FileHandle, open, readlink, realpath, stat } from "node:fs/promises";
import { notRegularFile } from "./file-kind.js";
import { fsFailure } from "./fs-failure.js";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK, O_NOCTTY, O_DIRECTORY } = constants;

export interface OpenRequest {
  /** What open(2) gets: a real path, or on Linux `/proc/self/fd/<dir fd>/<name>` (an openat). */
  path: string;
  expect: "file" | "directory";
  /** Follow a symlink in the last component (a listed link); otherwise a link there is refused. */
  followLink: boolean;
  /** The workspace-relative path for messages. */
  shown: string;
}

/** An open descriptor, checked to lie inside the workspace and to be of the expected type. */
export interface Opened {
  handle: FileHandle;
  stats: Stats;
  /** Where the descriptor really is, absolute (never shown to the model). */
  real: string;
}

/**
 * Opens first, then verifies what was opened: whatever a concurrent rename or symlink swap did to
 * the path, the descriptor's own location is checked, and only the descriptor is read afterwards.
 * O_NONBLOCK keeps a FIFO that slipped in from blocking the open; O_NOCTTY keeps a terminal inert.
 */
export async function openInside(workspace: Workspace, request: OpenRequest): Promise<Opened> {
  const flags =
    O_RDONLY |
    O_NONBLOCK |
    O_NOCTTY |
    (request.followLink ? 0 : O_NOFOLLOW) |
    (request.expect === "directory" ? O_DIRECTORY : 0);
  let handle: FileHandle;
  try {
    handle = await open(request.path, flags);
  } catch (error) {
    throw fsFailure(error, request.shown);
  }
  try {
    const stats = await handle.stat();
    const real = await locate(workspace, handle, stats, request);
    if (!workspace.contains(real)) {
      throw new WorkspaceError(
        "OUTSIDE_WORKSPACE",
        `path is outside the workspace and was refused: ${request.shown}`,
        request.shown,
      );
    }
    if (request.expect === "file" && !stats.isFile()) throw notRegularFile(stats, request.shown);
    if (request.expect === "directory" && !stats.isDirectory()) {
      throw new WorkspaceError("NOT_A_DIRECTORY", `not a directory: ${request.shown}`, request.shown);
    }
    return { handle, stats, real };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw fsFailure(error, request.shown);
  }
}

/** The absolute location of an open descriptor. */
async function locate(workspace: Workspace, handle: FileHandle, stats: Stats, request: OpenRequest): Promise<string> {
  if (stats.nlink === 0)
    throw new WorkspaceError("NOT_FOUND", `no such file or directory: ${request.shown}`, request.shown);
  if (workspace.descriptorCheck === "proc-fd") return readlink(`/proc/self/fd/${handle.fd}`);
  // Without /proc: the path must still lead, by its real path, to the very object that was opened.
  const real = await realpath(request.path);
  const now = await stat(real);
  if (now.dev !== stats.dev || now.ino !== stats.ino) throw changedDuringAccess(request.shown);
  return real;
}

export function changedDuringAccess(shown: string): WorkspaceError {
  return new WorkspaceError(
    "CHANGED_DURING_ACCESS",
    `the path changed while it was being opened and was refused: ${shown}`,
    shown,
  );
}
