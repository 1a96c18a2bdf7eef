import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { McpLimits } from "./limits.js";
import type { McpServerConfig } from "./server-config.js";
import type { StderrTail } from "./stderr-tail.js";

/** The SDK transport for a configuration: a child process over stdio, or Streamable HTTP. */
export function createTransport(config: McpServerConfig, limits: McpLimits, stderr: StderrTail): Transport {
  if ("url" in config) {
    return new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: { ...config.headers } },
    });
  }
  const transport = new StdioClientTransport({
    command: config.command,
    args: [...(config.args ?? [])],
    ...(config.env ? { env: { ...config.env } } : {}),
    ...(config.cwd ? { cwd: config.cwd } : {}),
    // Piped (and read) rather than inherited: a server's log must not interleave with the agent's output.
    stderr: "pipe",
    maxBufferSize: limits.maxMessageBytes,
  });
  stderr.follow(transport.stderr);
  return transport;
}
