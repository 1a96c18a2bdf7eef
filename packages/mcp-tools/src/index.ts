export type { McpServerState } from "./connection.js";
export { McpToolsError, type McpToolsErrorCode, type McpToolsErrorOptions } from "./errors.js";
export { DEFAULT_MCP_LIMITS, type McpLimits } from "./limits.js";
export {
  connectMcpServers,
  type McpServerSummary,
  type McpToolSet,
  type McpToolSetOptions,
  type McpToolTarget,
} from "./mcp-tool-set.js";
export type {
  McpHttpServerConfig,
  McpServerConfig,
  McpServerConfigBase,
  McpStdioServerConfig,
} from "./server-config.js";
