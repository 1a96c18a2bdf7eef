import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { conciseMessage } from "@parallel-tool-calls/core-metadata";
import { McpToolsError, type McpToolsErrorCode } from "./errors.js";

/** What names a failed call in its error: the server, the tool, and the values to keep out of messages. */
export interface CallSite {
  server: string;
  tool: string;
  secrets: readonly string[];
}

export function callError(site: CallSite, code: McpToolsErrorCode, detail: string): McpToolsError {
  return new McpToolsError({
    code,
    message: `MCP server "${site.server}" ${detail}`,
    server: site.server,
    toolName: site.tool,
  });
}

/** A failed JSON-RPC parse or MCP result schema check (the SDK validates with zod). */
export function isMalformedMessage(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.includes("ZodError");
}

/** The SDK's reading of a stdio message larger than its buffer. */
export function isOversizedMessage(error: unknown): boolean {
  return /exceeded maximum size/i.test(conciseMessage(error));
}

/** The Streamable HTTP transport lost the response stream of a request or could not reach the server. */
export function isLostHttpStream(error: unknown): boolean {
  return /SSE stream disconnected|fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|terminated/i.test(
    conciseMessage(error),
  );
}

/** What `callTool` threw, as the typed error of the call. */
export function classifyCallError(site: CallSite, error: unknown, stderr: string): McpToolsError {
  const calling = `while calling "${site.tool}"`;
  if (McpToolsError.isInstance(error)) return error;
  if (error instanceof McpError) {
    const reason = conciseMessage(error.message, site.secrets);
    if (error.code === ErrorCode.ConnectionClosed)
      return callError(site, "disconnected", `disconnected ${calling}${stderr}`);
    if (error.code === ErrorCode.RequestTimeout) return callError(site, "call_timeout", `timed out ${calling}`);
    if (/output schema|structured content/i.test(error.message)) {
      return callError(
        site,
        "output_schema_mismatch",
        `answered "${site.tool}" with a result that breaks its output schema: ${reason}`,
      );
    }
    return callError(site, "call_failed", `answered "${site.tool}" with error ${error.code}: ${reason}`);
  }
  if (isMalformedMessage(error)) {
    return callError(site, "invalid_response", `answered "${site.tool}" with a result that is not an MCP tool result`);
  }
  if (isLostHttpStream(error)) {
    return callError(site, "disconnected", `disconnected ${calling}: ${conciseMessage(error, site.secrets)}`);
  }
  return callError(site, "call_failed", `failed ${calling}: ${conciseMessage(error, site.secrets)}`);
}
