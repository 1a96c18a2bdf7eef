import type { Tool as McpTool } from "@modelcontextprotocol/sdk/types.js";
import { type AnyTool, defineTool, ToolDefinitionError, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { McpServerConnection, type McpServerState } from "./connection.js";
import { McpToolsError } from "./errors.js";
import { DEFAULT_MCP_LIMITS, type McpLimits, resolveLimits } from "./limits.js";
import { checkServerConfig, type McpServerConfig } from "./server-config.js";
import { nameTools, serverPart } from "./tool-names.js";

/** Options of {@link connectMcpServers}. */
export interface McpToolSetOptions {
  /** Bounds for every server (each server's `limits` override these); see {@link McpLimits}. */
  limits?: Partial<McpLimits>;
}

/** Where an exposed tool name leads: the server and the tool's name there, exactly. */
export interface McpToolTarget {
  /** The server's name as configured. */
  server: string;
  /** The tool's name on the server. */
  tool: string;
}

/** A server of the set, as {@link McpToolSet.servers} reports it. */
export interface McpServerSummary {
  /** The server's name as configured. */
  name: string;
  /** `connected` takes calls; `disconnected` is reconnected by the next {@link McpToolSet.refresh}. */
  state: McpServerState;
  /** The exposed names of its tools, in the server's order. */
  tools: string[];
  /** Tools left out, and why (an input schema that does not compile, a task-only tool). */
  skipped: Array<{ tool: string; reason: string }>;
}

interface ServerEntry {
  config: McpServerConfig;
  limits: McpLimits;
  connection: McpServerConnection;
  tools: AnyTool[];
  targets: Map<string, string>;
  skipped: Array<{ tool: string; reason: string }>;
}

/** The input schema as the tool's parameters: `$schema` removed (providers and the validator reject other drafts). */
function parametersOf(tool: McpTool): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = tool.inputSchema as Record<string, unknown>;
  return schema;
}

function descriptionOf(tool: McpTool, server: string): string {
  return tool.description ?? tool.title ?? `Tool "${tool.name}" of the MCP server "${server}".`;
}

/** Builds the registry tools of one server, leaving out tools whose input schema does not compile. */
function buildTools(config: McpServerConfig, connection: McpServerConnection, listed: McpTool[]) {
  const server = config.name;
  const include = config.include ? new Set(config.include) : undefined;
  const skipped: Array<{ tool: string; reason: string }> = [];
  const usable = listed.filter((tool) => {
    if (include && !include.has(tool.name)) return false;
    if (tool.execution?.taskSupport === "required") {
      skipped.push({ tool: tool.name, reason: "the server only runs it as a task" });
      return false;
    }
    return true;
  });
  const targets = nameTools(
    server,
    usable.map((tool) => tool.name),
  );
  const byOriginal = new Map(usable.map((tool) => [tool.name, tool]));
  let tools: AnyTool[] = [...targets].map(([name, original]) => {
    const tool = byOriginal.get(original) as McpTool;
    return defineTool<Record<string, unknown>>({
      name,
      description: descriptionOf(tool, server),
      parameters: parametersOf(tool),
      execute: (input, ctx) => connection.callTool(original, input, ctx),
    }) as AnyTool;
  });
  // The registry compiles every schema: drop the ones it refuses, one at a time, so that one bad
  // tool does not take its server's other tools (or the agent's registry) down with it.
  for (;;) {
    try {
      new ToolRegistry(tools);
      break;
    } catch (error) {
      if (!ToolDefinitionError.isInstance(error) || error.toolName === undefined) throw error;
      const bad = error.toolName;
      skipped.push({ tool: targets.get(bad) ?? bad, reason: error.message });
      tools = tools.filter((tool) => tool.name !== bad);
      targets.delete(bad);
    }
  }
  return { tools, targets, skipped };
}

/**
 * Connected MCP servers as registry tools. `tools` is a snapshot: build each turn's registry from
 * it (`new ToolRegistry([...myTools, ...mcp.tools])`) and call `refresh()` only between turns, so a
 * turn never sees its tool list change. Calls to one server run one at a time.
 */
export interface McpToolSet {
  /** The tools of every connected server, in server order; a new array each time. */
  readonly tools: AnyTool[];
  /** Each server's state, exposed tool names and skipped tools. */
  readonly servers: McpServerSummary[];
  /** Whether a server announced a new tool list or disconnected since the last refresh. */
  readonly stale: boolean;
  /** The server and original tool name behind an exposed name, or `undefined`. */
  lookup(name: string): McpToolTarget | undefined;
  /**
   * Between turns: reconnects servers that dropped and re-lists the tools of servers that announced
   * a change. Resolves to whether the exposed tools changed; a server that cannot be reached is an
   * `McpToolsError` naming it (the other servers are refreshed first, its old tools are dropped).
   */
  refresh(): Promise<boolean>;
  /** Closes every connection (child processes are stopped); calls after this fail with `closed`. */
  close(): Promise<void>;
}

/** The one implementation of {@link McpToolSet}. */
class ConnectedServers implements McpToolSet {
  readonly #entries: ServerEntry[];
  #tools: AnyTool[] = [];
  #closed = false;

  private constructor(entries: ServerEntry[]) {
    this.#entries = entries;
    this.#rebuild();
  }

  static async connect(servers: readonly McpServerConfig[], options: McpToolSetOptions): Promise<McpToolSet> {
    const base = resolveLimits(DEFAULT_MCP_LIMITS, options.limits, "(all servers)");
    const parts = new Map<string, string>();
    const plans = servers.map((config) => {
      checkServerConfig(config);
      const part = serverPart(config.name);
      const other = parts.get(part);
      if (other !== undefined) {
        throw new McpToolsError({
          code: "invalid_config",
          message: `MCP servers "${other}" and "${config.name}" would share the tool prefix "mcp--${part}--".`,
          server: config.name,
        });
      }
      parts.set(part, config.name);
      return { config, limits: resolveLimits(base, config.limits, config.name) };
    });
    const settled = await Promise.allSettled(plans.map((plan) => ConnectedServers.#open(plan.config, plan.limits)));
    const failure = settled.find((outcome) => outcome.status === "rejected");
    if (failure) {
      await Promise.all(
        settled.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.connection.close() : undefined)),
      );
      throw failure.reason;
    }
    return new ConnectedServers(settled.map((outcome) => (outcome as PromiseFulfilledResult<ServerEntry>).value));
  }

  static async #open(config: McpServerConfig, limits: McpLimits): Promise<ServerEntry> {
    const started = Date.now();
    const connection = await McpServerConnection.connect(config, limits);
    try {
      const remaining = Math.max(1, limits.connectTimeoutMs - (Date.now() - started));
      const listed = await connection.listTools(remaining);
      return { config, limits, connection, ...buildTools(config, connection, listed) };
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  get tools(): AnyTool[] {
    return [...this.#tools];
  }

  get servers(): McpServerSummary[] {
    return this.#entries.map((entry) => ({
      name: entry.config.name,
      state: entry.connection.state,
      tools: entry.tools.map((tool) => tool.name),
      skipped: entry.skipped.map((skip) => ({ ...skip })),
    }));
  }

  get stale(): boolean {
    return this.#entries.some((entry) => entry.connection.toolListChanged || entry.connection.state !== "connected");
  }

  lookup(name: string): McpToolTarget | undefined {
    for (const entry of this.#entries) {
      const tool = entry.targets.get(name);
      if (tool !== undefined) return { server: entry.config.name, tool };
    }
    return undefined;
  }

  async refresh(): Promise<boolean> {
    if (this.#closed) {
      throw new McpToolsError({ code: "closed", message: "The MCP tool set is closed.", server: "(all servers)" });
    }
    const before = this.#tools.map((tool) => tool.name).join("\n");
    let failure: unknown;
    for (const entry of this.#entries) {
      const state = entry.connection.state;
      if (state === "connected" && !entry.connection.toolListChanged) continue;
      try {
        if (state !== "connected") {
          await entry.connection.close();
          Object.assign(entry, await ConnectedServers.#open(entry.config, entry.limits));
        } else {
          Object.assign(
            entry,
            buildTools(entry.config, entry.connection, await entry.connection.listTools(entry.limits.connectTimeoutMs)),
          );
        }
      } catch (error) {
        Object.assign(entry, { tools: [], targets: new Map(), skipped: [] });
        failure ??= error;
      }
    }
    this.#rebuild();
    if (failure !== undefined) throw failure;
    return this.#tools.map((tool) => tool.name).join("\n") !== before;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#entries.map((entry) => entry.connection.close()));
  }

  #rebuild(): void {
    this.#tools = this.#entries.flatMap((entry) => entry.tools);
  }
}

/**
 * Connects to every server (in parallel, each within `connectTimeoutMs`) and lists its tools. If one
 * fails, the others are closed and its `McpToolsError` (`start_failed`, `connect_timeout`,
 * `list_failed`, `invalid_config`) is thrown, naming it.
 */
export function connectMcpServers(
  servers: readonly McpServerConfig[],
  options: McpToolSetOptions = {},
): Promise<McpToolSet> {
  return ConnectedServers.connect(servers, options);
}
