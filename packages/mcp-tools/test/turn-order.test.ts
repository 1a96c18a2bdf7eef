import { readCallLog } from "@parallel-tool-calls/mcp-test-server";
import {
  defineTool,
  runToolTurn,
  type ToolProgress,
  ToolRegistry,
  type ToolTurnEvent,
} from "@parallel-tool-calls/sequential-executor";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { connectMcpServers } from "../src/index.js";
import { callsResponse, handlerFor, runCalls, TASK, testServerConfig, useLogDir, useToolSets } from "./helpers.js";

const model = useServer();
const track = useToolSets();
const logPath = useLogDir();

/** A workspace-like tool of the agent's own, recording when it ran. */
function localTool(runs: Array<{ id: string; start: number; end: number }>) {
  return defineTool<{ path: string }>({
    name: "read_file",
    description: "Reads a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    execute: async ({ path }, ctx) => {
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      runs.push({ id: ctx.toolCallId, start, end: Date.now() });
      return `contents of ${path}`;
    },
  });
}

// Each test starts real server processes: generous on a loaded machine.
describe("MCP calls in a turn", { timeout: 90_000 }, () => {
  it("run one at a time in emission order, mixed with the agent's own tools, against a real server process", async () => {
    const log = logPath();
    const mcp = track(await connectMcpServers([testServerConfig("test", { log })]));
    const runs: Array<{ id: string; start: number; end: number }> = [];
    const registry = new ToolRegistry([localTool(runs), ...mcp.tools]);
    const calls = [
      { id: "c1", name: "mcp--test--sleep", args: { ms: 60 } },
      { id: "c2", name: "read_file", args: { path: "a.ts" } },
      { id: "c3", name: "mcp--test--echo", args: { text: "one" } },
      { id: "c4", name: "mcp--test--progress", args: { steps: 3, intervalMs: 50 } },
      { id: "c5", name: "read_file", args: { path: "b.ts" } },
      { id: "c6", name: "mcp--test--sleep", args: { ms: 30 } },
      { id: "c7", name: "mcp--test--echo", args: { text: "two" } },
    ];
    model.server.enqueue(callsResponse(calls));
    const events: ToolTurnEvent[] = [];
    const progress: ToolProgress[] = [];
    const result = await runToolTurn({
      handler: handlerFor(model.server),
      registry,
      systemPrompt: "test",
      history: TASK,
      // About MCP, not the switch: every call of the turn runs whatever PARALLEL_TOOL_CALLS says.
      parallelToolCalls: true,
      onEvent: (event) => events.push(event),
      onProgress: (event) => progress.push(event),
    }).result;

    expect(result.status).toBe("tool_calls");
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual(calls.map((c) => [c.id, "ok"]));
    expect(result.results.find((r) => r.toolCallId === "c7")?.content).toBe("echo: two");
    // The executor's view: each tool starts only after the previous one's result, in emission order.
    const toolEvents = events
      .filter((e) => e.type === "tool_started" || e.type === "tool_result")
      .map((e) => `${e.type === "tool_started" ? "start" : "end"} ${"toolCallId" in e ? e.toolCallId : ""}`);
    expect(toolEvents).toEqual(calls.flatMap((c) => [`start ${c.id}`, `end ${c.id}`]));
    // The server's view: never two calls at once, in the order emitted.
    const entries = readCallLog(log);
    expect(Math.max(...entries.map((e) => e.active))).toBe(1);
    expect(entries.filter((e) => e.event === "start").map((e) => e.tool)).toEqual([
      "sleep",
      "echo",
      "progress",
      "sleep",
      "echo",
    ]);
    // The agent's own calls ran between the server's calls, never during one.
    const serverSpans = entries
      .filter((e) => e.event === "start")
      .map((start, i) => ({
        start: start.at,
        end: entries.filter((e) => e.event === "end")[i]?.at ?? Number.POSITIVE_INFINITY,
      }));
    for (const run of runs) {
      for (const span of serverSpans) expect(run.end <= span.start || run.start >= span.end).toBe(true);
    }
    // Progress notifications reached onProgress in order, tagged with their call (the SDK may drop
    // the last one when the answer overtakes it).
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.map((p) => [p.toolCallId, p.message])).toEqual(
      [
        ["c4", { progress: 1, total: 3, message: "step 1" }],
        ["c4", { progress: 2, total: 3, message: "step 2" }],
        ["c4", { progress: 3, total: 3, message: "step 3" }],
      ].slice(0, progress.length),
    );
  });

  it("keep the server to one call at a time even when two executors share it", async () => {
    const log = logPath();
    const mcp = track(await connectMcpServers([testServerConfig("test", { log })]));
    const registry = new ToolRegistry(mcp.tools);
    const batch = (prefix: string) =>
      [1, 2, 3].map((n) => ({ id: `${prefix}${n}`, name: "mcp--test--sleep", args: { ms: 15 } }));
    const [a, b] = await Promise.all([runCalls(registry, batch("a")).done, runCalls(registry, batch("b")).done]);
    expect([...a, ...b].map((r) => r.status)).toEqual(Array(6).fill("ok"));
    const entries = readCallLog(log);
    expect(entries.filter((e) => e.event === "start")).toHaveLength(6);
    expect(Math.max(...entries.map((e) => e.active))).toBe(1);
  });
});
