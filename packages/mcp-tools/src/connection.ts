import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { type Tool as McpTool, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { conciseMessage, redactSecrets } from "@parallel-tool-calls/core-metadata";
import type { ToolContext, ToolOutput } from "@parallel-tool-calls/sequential-executor";
import {
  type CallSite,
  callError,
  classifyCallError,
  isLostHttpStream,
  isMalformedMessage,
  isOversizedMessage,
} from "./call-errors.js";
import { McpToolsError } from "./errors.js";
import type { McpLimits } from "./limits.js";
import { type McpCallResult, toToolOutput } from "./result-content.js";
import { type McpServerConfig, secretsOf } from "./server-config.js";
import { StderrTail } from "./stderr-tail.js";
import { createTransport } from "./transport.js";

/** Where a connection is: only `connected` takes calls. */
export type McpServerState = "connected" | "disconnected" | "closed";

const CLIENT_INFO = { name: "@parallel-tool-calls/mcp-tools", version: "0" };
/** Pages of `tools/list` read at most: a server that never stops paginating is an error, not a hang. */
const MAX_LIST_PAGES = 100;
/** The SDK's own request timeout, a backstop behind this package's timers (which fire first). */
const BACKSTOP_MS = 60_000;

interface InFlight {
  site: CallSite;
  fail(error: McpToolsError): void;
}

/**
 * One MCP server, connected through the SDK's `Client`. Calls are queued so that the server sees
 * one at a time, even when several executors share the connection; each call gets its own abort
 * signal (linked to the executor's), its own timers, and exactly one outcome.
 */
export class McpServerConnection {
  #state: McpServerState = "connected";
  #toolListChanged = false;
  #queue: Promise<unknown> = Promise.resolve();
  #inFlight: InFlight | undefined;

  private constructor(
    readonly name: string,
    readonly limits: McpLimits,
    private readonly client: Client,
    private readonly secrets: readonly string[],
    private readonly stderr: StderrTail,
  ) {}

  /** Starts (or reaches) the server, initialises the session; bounded by `connectTimeoutMs`. */
  static async connect(config: McpServerConfig, limits: McpLimits): Promise<McpServerConnection> {
    const secrets = secretsOf(config);
    const stderr = new StderrTail(limits.maxStderrBytes, secrets);
    const client = new Client(CLIENT_INFO, { capabilities: {} });
    const connection = new McpServerConnection(config.name, limits, client, secrets, stderr);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limits.connectTimeoutMs);
    let transport: Transport | undefined;
    try {
      transport = createTransport(config, limits, stderr);
      connection.#watch();
      await client.connect(transport, { signal: deadline.signal, timeout: limits.connectTimeoutMs + BACKSTOP_MS });
      return connection;
    } catch (error) {
      connection.#state = "closed";
      await client.close().catch(() => {});
      await transport?.close().catch(() => {});
      if (deadline.signal.aborted) {
        throw new McpToolsError({
          code: "connect_timeout",
          message: `MCP server "${config.name}" did not finish connecting within ${limits.connectTimeoutMs} ms${stderr.describe()}.`,
          server: config.name,
        });
      }
      throw new McpToolsError({
        code: "start_failed",
        message: `MCP server "${config.name}" failed to start: ${conciseMessage(error, secrets)}${stderr.describe()}`,
        server: config.name,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the connection takes calls. */
  get state(): McpServerState {
    return this.#state;
  }

  /** Whether the server said its tool list changed since the last {@link listTools}. */
  get toolListChanged(): boolean {
    return this.#toolListChanged;
  }

  /** Every tool of the server (all pages), within `timeoutMs` for the whole listing. */
  async listTools(timeoutMs: number): Promise<McpTool[]> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const fail = (detail: string) =>
      new McpToolsError({ code: "list_failed", message: `MCP server "${this.name}" ${detail}`, server: this.name });
    this.#toolListChanged = false;
    const tools: McpTool[] = [];
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const result = await this.client.listTools(cursor === undefined ? {} : { cursor }, {
          signal: deadline,
          timeout: timeoutMs + BACKSTOP_MS,
        });
        tools.push(...result.tools);
        cursor = result.nextCursor;
        if (cursor === undefined) return tools;
      }
    } catch (error) {
      if (deadline.aborted) throw fail(`did not list its tools within ${timeoutMs} ms.`);
      throw fail(`could not list its tools: ${conciseMessage(error, this.secrets)}${this.stderr.describe()}`);
    }
    throw fail(`listed more than ${MAX_LIST_PAGES} pages of tools.`);
  }

  /** Calls one tool after the calls queued before it; throws a typed error for every failure. */
  callTool(tool: string, args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutput> {
    const call = this.#queue.then(() => this.#call(tool, args, ctx));
    this.#queue = call.catch(() => {});
    return call;
  }

  /** Ends the session (the child process is stopped by the SDK: stdin closed, then SIGTERM, SIGKILL). */
  async close(): Promise<void> {
    if (this.#state === "closed") return;
    this.#state = "closed";
    await this.client.close().catch(() => {});
  }

  #watch(): void {
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      this.#toolListChanged = true;
    });
    this.client.onclose = () => {
      if (this.#state === "connected") this.#state = "disconnected";
    };
    this.client.onerror = (error) => {
      const call = this.#inFlight;
      if (!call) return;
      // Only a call in flight can be blamed: the server serves one call at a time from here.
      if (isOversizedMessage(error)) {
        call.fail(
          callError(
            call.site,
            "message_too_large",
            `sent a message over ${this.limits.maxMessageBytes} bytes while answering "${call.site.tool}" (connection closed)`,
          ),
        );
      } else if (isMalformedMessage(error)) {
        call.fail(
          callError(call.site, "invalid_response", `sent invalid JSON-RPC while answering "${call.site.tool}"`),
        );
      } else if (isLostHttpStream(error)) {
        call.fail(
          callError(
            call.site,
            "disconnected",
            `disconnected while calling "${call.site.tool}": ${conciseMessage(error, this.secrets)}`,
          ),
        );
      }
    };
  }

  async #call(tool: string, args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutput> {
    const site: CallSite = { server: this.name, tool, secrets: this.secrets };
    if (this.#state !== "connected") {
      throw callError(site, this.#state === "closed" ? "closed" : "disconnected", `is not connected (${this.#state}).`);
    }
    // Aborted while queued: the server never hears of this call.
    if (ctx.signal.aborted) throw callError(site, "call_failed", `call to "${tool}" was aborted before it started.`);
    // A signal per call: the SDK never removes its abort listener, so the executor's signal (shared
    // by every call of a turn) would collect one per call and cancel finished requests on abort.
    const controller = new AbortController();
    let failure: McpToolsError | undefined;
    const fail = (error: McpToolsError) => {
      failure ??= error;
      controller.abort(error);
    };
    const onAbort = () => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    const { callTimeoutMs, maxCallTimeoutMs } = this.limits;
    const idle = () =>
      setTimeout(
        () =>
          fail(callError(site, "call_timeout", `sent no answer or progress for "${tool}" within ${callTimeoutMs} ms.`)),
        callTimeoutMs,
      );
    let idleTimer = idle();
    const hardTimer = setTimeout(
      () =>
        fail(callError(site, "call_timeout", `did not finish "${tool}" within the maximum of ${maxCallTimeoutMs} ms.`)),
      maxCallTimeoutMs,
    );
    this.#inFlight = { site, fail };
    try {
      const result = await this.client.callTool({ name: tool, arguments: args }, undefined, {
        signal: controller.signal,
        timeout: maxCallTimeoutMs + BACKSTOP_MS,
        onprogress: (progress) => {
          clearTimeout(idleTimer);
          idleTimer = idle();
          const message =
            typeof progress.message === "string" ? redactSecrets(progress.message, this.secrets) : undefined;
          ctx.reportProgress({
            progress: progress.progress,
            ...(progress.total === undefined ? {} : { total: progress.total }),
            ...(message === undefined ? {} : { message }),
          });
        },
      });
      if (failure) throw failure;
      const output = toToolOutput(result as McpCallResult, this.limits);
      return typeof output === "string" ? output : { ...output, content: redactSecrets(output.content, this.secrets) };
    } catch (error) {
      if (failure) throw failure;
      throw classifyCallError(site, error, this.stderr.describe());
    } finally {
      clearTimeout(idleTimer);
      clearTimeout(hardTimer);
      ctx.signal.removeEventListener("abort", onAbort);
      this.#inFlight = undefined;
    }
  }
}
