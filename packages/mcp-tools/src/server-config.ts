import { secretsOfHeaders, secretsOfUrl } from "@parallel-tool-calls/core-metadata";
import { McpToolsError } from "./errors.js";
import type { McpLimits } from "./limits.js";

/** What every server configuration has. */
export interface McpServerConfigBase {
  /** The server's name: the `<server>` of `mcp--<server>--<tool>` (sanitised), and in every error. */
  name: string;
  /** Only these tools of the server (by their names on the server); default: all of them. */
  include?: readonly string[];
  /** Bounds for this server, over the tool set's. */
  limits?: Partial<McpLimits>;
}

/** A server started as a child process, spoken to over stdio. */
export interface McpStdioServerConfig extends McpServerConfigBase {
  /** The executable (no shell is involved). */
  command: string;
  /** Its arguments. */
  args?: readonly string[];
  /**
   * Environment of the process, over a minimal inherited one (`HOME`, `PATH`, `USER`, … as the SDK
   * chooses). Values are treated as secrets: they never appear in errors, progress or results.
   */
  env?: Readonly<Record<string, string>>;
  /** Working directory of the process. */
  cwd?: string;
}

/** A server reached over Streamable HTTP. */
export interface McpHttpServerConfig extends McpServerConfigBase {
  /** The server's MCP endpoint (`http(s)://…`). */
  url: string;
  /** Headers of every request (e.g. `Authorization`); values other than plain ones are treated as secrets. */
  headers?: Readonly<Record<string, string>>;
}

/** One MCP server to connect to: a command over stdio, or a URL over Streamable HTTP. */
export type McpServerConfig = McpStdioServerConfig | McpHttpServerConfig;

function invalid(server: string, message: string): McpToolsError {
  return new McpToolsError({ code: "invalid_config", message: `MCP server "${server}": ${message}`, server });
}

/** Checks one configuration; throws `invalid_config` for one that could never connect. */
export function checkServerConfig(config: McpServerConfig): void {
  const name = typeof config?.name === "string" ? config.name : "";
  if (name.trim() === "") throw invalid(String(config?.name), "needs a non-empty name.");
  const hasCommand = "command" in config && config.command !== undefined;
  const hasUrl = "url" in config && config.url !== undefined;
  if (hasCommand === hasUrl) throw invalid(name, "needs either a command (stdio) or a url (Streamable HTTP).");
  if (hasCommand && (typeof config.command !== "string" || config.command.trim() === "")) {
    throw invalid(name, "command must be a non-empty string.");
  }
  if (hasUrl) {
    let protocol = "";
    try {
      protocol = new URL(config.url).protocol;
    } catch {
      // Reported below.
    }
    if (protocol !== "http:" && protocol !== "https:") throw invalid(name, "url must be an http(s) URL.");
  }
}

/** The values that must never be shown: the env values, header values and URL credentials of a server. */
export function secretsOf(config: McpServerConfig): string[] {
  if ("url" in config) return [...secretsOfUrl(config.url), ...secretsOfHeaders({ ...config.headers })];
  return Object.values(config.env ?? {});
}
