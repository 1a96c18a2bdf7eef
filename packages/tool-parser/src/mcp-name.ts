/** The parts of an MCP tool name, as {@link parseMcpToolName} returns them. */
export interface McpToolName {
  /** The MCP server's name. */
  server: string;
  /** The tool's name on that server. */
  tool: string;
}

// Models (Claude especially) rewrite the `--` separators as `__`; accept either, consistently.
const MCP_NAME = /^mcp(--|__)(.+?)\1(.+)$/;

/**
 * Splits a dynamic MCP tool name, `mcp--server--tool` or `mcp__server__tool`, into its parts.
 * Returns `null` for any other name. With the underscore spelling the server name is returned as
 * sent (hyphens the model replaced cannot be told apart from real underscores).
 */
export function parseMcpToolName(name: string): McpToolName | null {
  const match = MCP_NAME.exec(name);
  if (!match) return null;
  const server = match[2] ?? "";
  const tool = match[3] ?? "";
  if (server.length === 0 || tool.length === 0) return null;
  return { server, tool };
}
