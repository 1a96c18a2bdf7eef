import { ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";

/**
 * Why an MCP server or one of its calls failed:
 * - `invalid_config`: a server configuration that could never connect (no name, two servers with
 *   one name, neither `command` nor `url`)
 * - `start_failed`: the server could not be started or closed the connection while connecting
 * - `connect_timeout`: the server did not finish connecting (initialize, tools/list) in time
 * - `list_failed`: the server connected but its tool list could not be read
 * - `disconnected`: the server process exited or the connection dropped (during a call, or before it)
 * - `call_timeout`: no answer (and no progress) within the call timeout, or the hard maximum passed
 * - `invalid_response`: the server sent something that is not valid JSON-RPC or not an MCP result
 * - `message_too_large`: a message from the server exceeded `maxMessageBytes` (the connection is closed)
 * - `output_schema_mismatch`: the structured result breaks the tool's declared output schema
 * - `call_failed`: the server answered the call with a JSON-RPC error
 * - `closed`: the tool set was closed
 */
export type McpToolsErrorCode =
  | "invalid_config"
  | "start_failed"
  | "connect_timeout"
  | "list_failed"
  | "disconnected"
  | "call_timeout"
  | "invalid_response"
  | "message_too_large"
  | "output_schema_mismatch"
  | "call_failed"
  | "closed";

/** What a {@link McpToolsError} is made of. */
export interface McpToolsErrorOptions {
  /** What went wrong. */
  code: McpToolsErrorCode;
  /** One line, free of secrets, naming the server. */
  message: string;
  /** The server's name as configured. */
  server: string;
  /** The tool's name on the server, for errors of a call. */
  toolName?: string;
}

/**
 * Thrown by {@link connectMcpServers} and {@link McpToolSet.refresh}, and by an MCP tool's
 * `execute` (the executor turns it into the call's one error result). Messages never carry the
 * values of the server's `env` or `headers`.
 */
export class McpToolsError extends ParallelToolCallsError<McpToolsErrorCode> {
  /** The server's name as configured. */
  readonly server: string;
  /** The tool's name on the server, for errors of a call. */
  readonly toolName: string | undefined;

  constructor(options: McpToolsErrorOptions) {
    super(options);
    this.server = options.server;
    this.toolName = options.toolName;
  }
}
