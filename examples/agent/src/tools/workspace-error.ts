export type WorkspaceErrorCode =
  | "OUTSIDE_WORKSPACE"
  | "INVALID_PATH"
  | "NOT_FOUND"
  | "NOT_A_FILE"
  | "NOT_A_DIRECTORY"
  | "FILE_TOO_LARGE"
  | "INVALID_REGEX"
  | "INVALID_GLOB"
  | "PERMISSION_DENIED"
  | "CHANGED_DURING_ACCESS"
  | "ABORTED"
  | "IO_ERROR";

/**
 * A refused or failed workspace operation. The message is one line, names paths relative to the
 * workspace, and is safe to hand back to the model.
 */
export class WorkspaceError extends Error {
  override readonly name = "WorkspaceError";

  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
