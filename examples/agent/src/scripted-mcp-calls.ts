import { parseMcpToolName } from "@parallel-tool-calls/tool-parser";

/** A tool of the request, as the scripted model reads it. */
interface WireTool {
  function?: {
    name?: string;
    parameters?: { required?: unknown; properties?: Record<string, { type?: unknown }> };
  };
}

interface WireMessage {
  role?: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: Array<{ id?: string; function?: { name?: string } }>;
}

/**
 * The MCP tools the scripted model calls: the first tool each MCP server offers (`mcp--<server>--…`),
 * with its required arguments filled (`"demo"`, `1`, `true`), so `--mcp` shows up in the timeline.
 */
export function mcpCallsWanted(tools: unknown[]): Array<{ name: string; arguments: string }> {
  const firstByServer = new Map<string, WireTool>();
  for (const tool of tools as WireTool[]) {
    const server = parseMcpToolName(tool.function?.name ?? "")?.server;
    if (server !== undefined && !firstByServer.has(server)) firstByServer.set(server, tool);
  }
  return [...firstByServer.values()].map((tool) => {
    const schema = tool.function?.parameters;
    const args: Record<string, unknown> = {};
    for (const name of Array.isArray(schema?.required) ? schema.required : []) {
      const type = schema?.properties?.[String(name)]?.type;
      args[String(name)] = type === "number" || type === "integer" ? 1 : type === "boolean" ? true : "demo";
    }
    return { name: tool.function?.name ?? "", arguments: JSON.stringify(args) };
  });
}

/** Tool name → the text of its first result, for the MCP calls that already have one. */
export function mcpResults(messages: WireMessage[], textOf: (content: unknown) => string): Map<string, string> {
  const nameById = new Map<string, string>();
  for (const message of messages) {
    for (const call of message.tool_calls ?? []) {
      const name = call.function?.name;
      if (call.id && name && parseMcpToolName(name)) nameById.set(call.id, name);
    }
  }
  const results = new Map<string, string>();
  for (const message of messages) {
    const name = message.role === "tool" && message.tool_call_id ? nameById.get(message.tool_call_id) : undefined;
    if (name !== undefined && !results.has(name)) results.set(name, textOf(message.content));
  }
  return results;
}
