import { stat } from "node:fs/promises";
import { notRegularFile } from "./file-kind.js";
import { fsFailure } from "./fs-failure.js";
import { MAX_READ_BYTES, resolveLimits, type ToolRunOptions } from "./limits.js";
import { openInside } from "./open-inside.js";
import { Pacer } from "./pacer.js";
import { readBounded } from "./read-bounded.js";
import { showPath } from "./show-path.js";
import type { Workspace } from "./workspace.js";
import { WorkspaceError } from "./workspace-error.js";

export { MAX_READ_BYTES };

export interface ReadFileInput {
  path: string;
}

function tooLarge(size: number | string, limit: number, shown: string): WorkspaceError {
  return new WorkspaceError(
    "FILE_TOO_LARGE",
    `file is ${size} bytes, more than the ${limit}-byte limit: ${shown}`,
    shown,
  );
}

/**
 * Reads one UTF-8 text file inside the workspace. Only a regular file is read, through a descriptor
 * whose location was verified after opening, and never more than `maxReadBytes`.
 */
export async function readWorkspaceFile(
  workspace: Workspace,
  input: ReadFileInput,
  options: ToolRunOptions = {},
): Promise<string> {
  const limits = resolveLimits(options.limits);
  const pacer = new Pacer("read_file", options.signal, Number.POSITIVE_INFINITY, limits.sliceMs);
  const target = await workspace.resolve(input.path);
  const shown = showPath(target.relative);
  // A special file is refused without opening it: opening a device may already have effects.
  const info = await stat(target.absolute).catch((error: unknown) => {
    throw fsFailure(error, shown);
  });
  if (info.isDirectory()) throw new WorkspaceError("NOT_A_FILE", `not a file (a directory): ${shown}`, shown);
  if (!info.isFile()) throw notRegularFile(info, shown);
  pacer.throwIfAborted();
  const file = await openInside(workspace, { path: target.absolute, expect: "file", followLink: false, shown });
  try {
    if (file.stats.size > limits.maxReadBytes) throw tooLarge(file.stats.size, limits.maxReadBytes, shown);
    const bytes = await readBounded(file.handle, limits.maxReadBytes + 1).catch((error: unknown) => {
      throw fsFailure(error, shown);
    });
    if (bytes.length > limits.maxReadBytes) throw tooLarge(`over ${limits.maxReadBytes}`, limits.maxReadBytes, shown);
    pacer.throwIfAborted();
    return bytes.toString("utf8");
  } finally {
    await file.handle.close().catch(() => undefined);
  }
}
