import type { Stats } from "node:fs";
import { WorkspaceError } from "./workspace-error.js";

/** What kind of file-system object `stats` describes, in words for a message. */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return "regular file";
  if (stats.isDirectory()) return "directory";
  if (stats.isSymbolicLink()) return "symbolic link";
  if (stats.isFIFO()) return "FIFO";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  return "special file";
}

/** Only regular files are read: a FIFO would block, a device would stream, a socket cannot be opened. */
export function notRegularFile(stats: Stats, shown: string): WorkspaceError {
  return new WorkspaceError("NOT_A_FILE", `not a regular file (${fileKind(stats)}): ${shown}`, shown);
}
