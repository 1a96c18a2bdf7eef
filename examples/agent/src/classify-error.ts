import { conciseMessage } from "@parallel-tool-calls/core-metadata";
import { McpToolsError } from "@parallel-tool-calls/mcp-tools";
import { ProviderError } from "@parallel-tool-calls/provider-helpers";
import { ToolTurnError } from "@parallel-tool-calls/sequential-executor";
import { CliError } from "./cli-errors.js";

const UNREACHABLE_CODES = new Set(["connection_error", "timeout"]);

/** Turns whatever stopped the run into the CLI's one-line error, with the key masked. */
export function classifyError(error: unknown, context: { baseUrl?: string; secrets?: readonly string[] }): CliError {
  const secrets = context.secrets ?? [];
  // A failed turn wraps the handler's own typed error: classify that one.
  if (ToolTurnError.isInstance(error)) {
    if (error.code === "aborted") return new CliError("ABORTED", "interrupted");
    return classifyError(error.cause, context);
  }
  if (error instanceof CliError) return new CliError(error.code, conciseMessage(error, secrets));
  const message = conciseMessage(error, secrets);
  if (ProviderError.isInstance(error)) {
    if (UNREACHABLE_CODES.has(error.code)) {
      return new CliError("UNREACHABLE_SERVER", `cannot reach ${context.baseUrl ?? "the server"}: ${message}`);
    }
    if (error.code === "aborted") return new CliError("ABORTED", "interrupted");
    const status = error.status === undefined ? "" : ` ${error.status}`;
    return new CliError("PROVIDER_ERROR", `${error.provider} error (${error.code}${status}): ${message}`);
  }
  if (McpToolsError.isInstance(error)) return new CliError("MCP_SERVER", message);
  if (error instanceof Error && error.name === "AbortError") return new CliError("ABORTED", "interrupted");
  if (error instanceof Error && "code" in error && typeof error.code === "string" && error.name === "WorkspaceError") {
    return new CliError("WORKSPACE", message);
  }
  return new CliError("INTERNAL", message);
}

export const EXIT_CODES: Record<CliError["code"], number> = {
  USAGE: 2,
  MISSING_API_KEY: 2,
  WORKSPACE: 2,
  MCP_SERVER: 5,
  UNREACHABLE_SERVER: 3,
  PROVIDER_ERROR: 4,
  ABORTED: 130,
  INTERNAL: 1,
};
