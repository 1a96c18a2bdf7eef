export type CliErrorCode =
  | "USAGE"
  | "MISSING_API_KEY"
  | "UNREACHABLE_SERVER"
  | "PROVIDER_ERROR"
  | "ABORTED"
  | "WORKSPACE"
  | "MCP_SERVER"
  | "INTERNAL";

/** An error the CLI reports as one line and an exit code. */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
}
