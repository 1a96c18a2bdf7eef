import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { AWKWARD_NAMES, BEHAVIOURS, type Behaviour, SCHEMA_2020 } from "./behaviours.js";
import type { CallLog } from "./call-log.js";

/** How a test server instance behaves. */
export interface McpTestServerOptions {
  /** Also serve tools whose names need sanitising, and one with a 2020-12 schema. */
  awkwardNames?: boolean;
  /** Writes raw text to the client, bypassing the SDK (stdio only). */
  writeRaw?: (text: string) => void;
}

/** One MCP server (one client session): the SDK's low-level `Server`, so it can break rules on purpose. */
export function createMcpTestServer(log: CallLog, options: McpTestServerOptions = {}): Server {
  const server = new Server(
    { name: "mcp-test-server", version: "0.0.0" },
    { capabilities: { tools: { listChanged: true } } },
  );
  const behaviours = new Map<string, Behaviour>();
  for (const behaviour of [...BEHAVIOURS, ...(options.awkwardNames ? [...AWKWARD_NAMES, SCHEMA_2020] : [])]) {
    behaviours.set(behaviour.tool.name, behaviour);
  }

  const setDynamicTool = async (name: string, present: boolean) => {
    if (present) {
      behaviours.set(name, {
        tool: { name, description: "Added at run time.", inputSchema: { type: "object", properties: {} } },
        run: async () => ({ content: [{ type: "text", text: `dynamic ${name}` }] }),
      });
    } else behaviours.delete(name);
    await server.sendToolListChanged();
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...behaviours.values()].map((behaviour) => behaviour.tool),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const behaviour = behaviours.get(name);
    if (!behaviour) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    log.start(name, extra.requestId);
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      log.cancelled(name, extra.requestId);
    };
    extra.signal.addEventListener("abort", onAbort, { once: true });
    try {
      const result = await behaviour.run(request.params.arguments ?? {}, {
        signal: extra.signal,
        requestId: extra.requestId,
        progressToken: request.params._meta?.progressToken,
        server,
        log,
        writeRaw: options.writeRaw,
        setDynamicTool,
      });
      if (result !== undefined) return result;
      // Never answer: wait for the cancellation (or the end of the process).
      await new Promise<void>((resolve) => {
        if (extra.signal.aborted) resolve();
        else extra.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      return { content: [{ type: "text", text: "cancelled" }] };
    } finally {
      extra.signal.removeEventListener("abort", onAbort);
      log.end(cancelled ? `${name} (cancelled)` : name, extra.requestId);
    }
  });
  return server;
}
