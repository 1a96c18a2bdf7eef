import { WorkspaceError } from "./workspace-error.js";

/**
 * A file-system error as a one-line `WorkspaceError` naming `shown` (workspace-relative): Node's own
 * messages carry absolute host paths, so they are never passed on.
 */
export function fsFailure(error: unknown, shown: string): WorkspaceError {
  if (error instanceof WorkspaceError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new WorkspaceError("NOT_FOUND", `no such file or directory: ${shown}`, shown);
    case "ENAMETOOLONG":
      return new WorkspaceError("INVALID_PATH", `path too long: ${shown}`, shown);
    case "ELOOP":
      return new WorkspaceError(
        "INVALID_PATH",
        `too many symbolic links, or a link appeared while opening: ${shown}`,
        shown,
      );
    case "ENXIO":
    case "ENODEV":
    case "EISDIR":
      return new WorkspaceError("NOT_A_FILE", `not a regular file: ${shown}`, shown);
    case "EACCES":
    case "EPERM":
      return new WorkspaceError("PERMISSION_DENIED", `permission denied: ${shown}`, shown);
    case "EMFILE":
    case "ENFILE":
      return new WorkspaceError("IO_ERROR", `too many open files while reading: ${shown}`, shown);
    default:
      return new WorkspaceError("IO_ERROR", `cannot read ${shown} (${code ?? "unknown error"})`, shown);
  }
}
