import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import type { CallLog } from "./call-log.js";

/** What a tool of the test server gets besides its arguments. */
export interface CallContext {
  signal: AbortSignal;
  requestId: string | number;
  progressToken: string | number | undefined;
  server: Server;
  log: CallLog;
  /** Writes raw bytes to the client (stdio only): how the server breaks the protocol on purpose. */
  writeRaw: ((text: string) => void) | undefined;
  /** Adds or removes a tool and tells the client the list changed. */
  setDynamicTool(name: string, present: boolean): Promise<void>;
}

/** A tool of the test server: its listing and what a call does. `undefined` means "never answer". */
export interface Behaviour {
  tool: Tool;
  run(args: Record<string, unknown>, ctx: CallContext): Promise<CallToolResult | undefined>;
}

// A 1×1 transparent PNG.
export const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

const noInput = { type: "object" as const, properties: {} };

function text(value: string): CallToolResult {
  return { content: [{ type: "text", text: value }] };
}

function wait(ms: number, signal: AbortSignal): Promise<"done" | "aborted"> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve("aborted");
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve("done");
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve("aborted");
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

const number = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);

export const BEHAVIOURS: Behaviour[] = [
  {
    tool: {
      name: "echo",
      description: "Returns its text.",
      inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
    },
    run: async (args) => text(`echo: ${String(args.text)}`),
  },
  {
    tool: { name: "noop", description: "Does nothing, at once.", inputSchema: noInput },
    run: async () => text("ok"),
  },
  {
    tool: {
      name: "sleep",
      description: "Waits `ms` milliseconds (stops early when the call is cancelled).",
      inputSchema: { type: "object", properties: { ms: { type: "number" } }, required: ["ms"] },
    },
    run: async (args, ctx) => {
      const outcome = await wait(number(args.ms, 0), ctx.signal);
      return text(outcome === "done" ? `slept ${number(args.ms, 0)} ms` : "cancelled");
    },
  },
  {
    tool: {
      name: "progress",
      description: "Reports `steps` progress notifications, `intervalMs` apart, then answers.",
      inputSchema: {
        type: "object",
        properties: { steps: { type: "number" }, intervalMs: { type: "number" } },
        required: ["steps"],
      },
    },
    run: async (args, ctx) => {
      const steps = number(args.steps, 1);
      // Each notification is followed by a pause, the last one too: the SDK client drops progress
      // that it handles after the answer.
      for (let step = 1; step <= steps; step++) {
        if (ctx.progressToken !== undefined) {
          await ctx.server.notification({
            method: "notifications/progress",
            params: { progressToken: ctx.progressToken, progress: step, total: steps, message: `step ${step}` },
          });
        }
        if ((await wait(number(args.intervalMs, 10), ctx.signal)) === "aborted") return text("cancelled");
      }
      return text(`${steps} steps done`);
    },
  },
  {
    tool: { name: "crash", description: "Exits the server process in the middle of the call.", inputSchema: noInput },
    run: async () => {
      process.stderr.write("mcp-test-server: crashing on purpose\n");
      setTimeout(() => process.exit(3), 5);
      return undefined;
    },
  },
  {
    tool: { name: "stall", description: "Never answers (until cancelled).", inputSchema: noInput },
    run: async () => undefined,
  },
  {
    tool: {
      name: "flood",
      description: "Answers with `bytes` bytes of text.",
      inputSchema: { type: "object", properties: { bytes: { type: "number" } }, required: ["bytes"] },
    },
    run: async (args) => text("x".repeat(number(args.bytes, 0))),
  },
  {
    tool: { name: "invalid_json", description: "Answers with a line that is not JSON (stdio).", inputSchema: noInput },
    run: async (_args, ctx) => {
      if (!ctx.writeRaw) return { isError: true, content: [{ type: "text", text: "only over stdio" }] };
      ctx.writeRaw("this is not JSON-RPC {\n");
      return undefined;
    },
  },
  {
    tool: {
      name: "invalid_result",
      description: "Answers with a JSON-RPC response whose result breaks the MCP result shape (stdio).",
      inputSchema: noInput,
    },
    run: async (_args, ctx) => {
      if (!ctx.writeRaw) return { isError: true, content: [{ type: "text", text: "only over stdio" }] };
      ctx.writeRaw(`${JSON.stringify({ jsonrpc: "2.0", id: ctx.requestId, result: { content: "not a list" } })}\n`);
      return undefined;
    },
  },
  {
    tool: {
      name: "rich",
      description: "Answers with text, an image, an embedded resource, a resource link and structured content.",
      inputSchema: noInput,
      outputSchema: { type: "object", properties: { count: { type: "number" } }, required: ["count"] },
    },
    run: async () => ({
      content: [
        { type: "text", text: "three things" },
        { type: "image", data: TINY_PNG, mimeType: "image/png" },
        { type: "resource", resource: { uri: "file:///notes.txt", mimeType: "text/plain", text: "note body" } },
        { type: "resource_link", uri: "file:///big.bin", name: "big.bin" },
      ],
      structuredContent: { count: 3 },
    }),
  },
  {
    tool: {
      name: "bad_output",
      description: "Declares an output schema and answers with structured content that breaks it.",
      inputSchema: noInput,
      outputSchema: { type: "object", properties: { count: { type: "number" } }, required: ["count"] },
    },
    run: async () => ({ content: [{ type: "text", text: "many" }], structuredContent: { count: "many" } }),
  },
  {
    tool: { name: "fail", description: "Answers with isError: true.", inputSchema: noInput },
    run: async () => ({ isError: true, content: [{ type: "text", text: "the tool failed on purpose" }] }),
  },
  {
    tool: {
      name: "env",
      description: "Answers with the value of one of the server's environment variables.",
      inputSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    },
    run: async (args) => text(`${String(args.name)}=${process.env[String(args.name)] ?? ""}`),
  },
  {
    tool: {
      name: "set_tool",
      description: "Adds (present: true) or removes a tool named `name`, then notifies the client.",
      inputSchema: {
        type: "object",
        properties: { name: { type: "string" }, present: { type: "boolean" } },
        required: ["name", "present"],
      },
    },
    run: async (args, ctx) => {
      await ctx.setDynamicTool(String(args.name), args.present === true);
      return text(`${String(args.name)} ${args.present === true ? "added" : "removed"}`);
    },
  },
];

/** Tools whose names only a sanitiser can make acceptable (served with `--awkward-names`). */
export const AWKWARD_NAMES: Behaviour[] = [
  "read file",
  "read.file",
  "a--b",
  "-edge-",
  "ünïcode",
  `long_${"n".repeat(90)}`,
  `long_${"n".repeat(89)}X`,
].map((name) => ({
  tool: { name, description: `Answers with its own name (${name.length} characters).`, inputSchema: noInput },
  run: async () => text(name),
}));

/** A tool whose input schema declares JSON Schema 2020-12, as newer servers do. */
export const SCHEMA_2020: Behaviour = {
  tool: {
    name: "schema_2020",
    description: "Takes a count; its schema declares draft 2020-12.",
    inputSchema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { count: { type: "integer", minimum: 1 } },
      required: ["count"],
    },
  },
  run: async (args) => text(`count ${String(args.count)}`),
};
