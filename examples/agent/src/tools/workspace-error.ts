export type WorkspaceErrorCode =
  | "OUTSIDE_WORKSPACE"
  | "INVALID_PATH"
  | "NOT_FOUND"
  | "NOT_A_FILE"
  | "NOT_A_DIRECTORY"
  | "FILE_TOO_LARGE"
  | "INVALID_REGEX";

/** A refused or failed workspace operation; the message is safe to hand back to the model. */
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
