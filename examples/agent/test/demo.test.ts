import type { ToolLoopTurnSummary } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { validateChatRequest } from "@parallel-tool-calls/testing";
import { afterEach, describe, expect, it } from "vitest";
import { runAgent } from "../src/agent-loop.js";
import { DEMO_FILES, DEMO_TASK, SYSTEM_PROMPT } from "../src/demo-task.js";
import { runCli } from "../src/main.js";
import { startScriptedServer } from "../src/providers.js";
import { expectOneResultPerCall, handlerFor, sampleRegistry } from "./helpers.js";

// With the flag on the model reads all four files in one turn; with it off, one per turn.
const EXPECTED_TOOL_TURNS = PARALLEL_TOOL_CALLS ? 1 : DEMO_FILES.length;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The demo task against a fresh scripted server, closed after the test. */
async function runDemoTask(serverOptions?: Parameters<typeof startScriptedServer>[0]) {
  const server = await startScriptedServer(serverOptions);
  closers.push(() => server.close());
  const result = await runAgent({
    handler: handlerFor(server),
    registry: await sampleRegistry(),
    systemPrompt: SYSTEM_PROMPT,
    task: DEMO_TASK,
  });
  return { server, result };
}

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe("the demo task against the embedded scripted model", () => {
  it("takes its number of turns from the flag, and sends the flag on every request", async () => {
    const { server, result } = await runDemoTask();
    expect(result.status).toBe("completed");
    expect(result.requests).toBe(EXPECTED_TOOL_TURNS + 1);
    expect(result.turns.map((t) => t.toolCalls.length)).toEqual([
      ...Array.from({ length: EXPECTED_TOOL_TURNS }, () => DEMO_FILES.length / EXPECTED_TOOL_TURNS),
      0,
    ]);
    expect(result.turns.flatMap((t) => t.toolCalls.map((c) => (c.input as { path?: string }).path))).toEqual(
      DEMO_FILES,
    );
    expect(result.turns.flatMap((t) => t.toolCalls.map((c) => c.status))).toEqual(DEMO_FILES.map(() => "ok"));
    expect(server.requests).toHaveLength(result.requests);
    for (const request of server.requests) {
      expect(request.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
      expect(validateChatRequest(request.body)).toBeNull();
    }
    // Prompt tokens are what the server reported for each request, summed.
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.finalText).toContain("src/loans.ts: 22 lines of code exporting LOAN_DAYS");
    expectOneResultPerCall(result.history);
  });

  it("runs tools one at a time, in call order, the first while the response is still streaming", async () => {
    const { result } = await runDemoTask({ pacingMs: 3 });
    const firstTurn = result.events.filter((e) => e.turn === 1);
    const toolSteps = firstTurn.filter((e) => e.type === "tool_started" || e.type === "tool_result");
    // started/finished alternate for the same call: never two tools at once.
    for (let i = 0; i < toolSteps.length; i += 2) {
      expect(toolSteps[i]?.type).toBe("tool_started");
      expect(toolSteps[i + 1]?.type).toBe("tool_result");
      expect(toolSteps[i + 1]?.toolCallId).toBe(toolSteps[i]?.toolCallId);
    }
    const started = firstTurn.find((e) => e.type === "tool_started");
    const streamEnd = firstTurn.find((e) => e.type === "stream_end");
    expect(started && streamEnd && started.at < streamEnd.at).toBe(true);
  });

  it("prints a --json report with requests, tool calls per turn, tokens and the answer", async () => {
    const { out, err, io } = captureIo();
    const code = await runCli(["--json"], {}, io, { localPacingMs: 0 });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] as string);
    expect(report).toMatchObject({
      status: "completed",
      provider: "local",
      parallelToolCalls: PARALLEL_TOOL_CALLS,
      requests: EXPECTED_TOOL_TURNS + 1,
      toolCalls: DEMO_FILES.length,
    });
    expect(report.turns[0].toolCalls).toHaveLength(DEMO_FILES.length / EXPECTED_TOOL_TURNS);
    expect(report.promptTokens).toBe(
      report.turns.reduce((n: number, t: ToolLoopTurnSummary) => n + t.usage.inputTokens, 0),
    );
    expect(report.finalAnswer).toMatch(/^Summary of the 4 files:/);
  });

  it("prints live progress, a per-turn summary, the timeline and the final answer for people", async () => {
    const { out, io } = captureIo();
    expect(await runCli([], {}, io, { localPacingMs: 0 })).toBe(0);
    const text = out.join("\n");
    for (const file of DEMO_FILES) expect(text).toContain(`✓ read_file ${file}: ok`);
    expect(text).toContain(`turn 1: tool_calls · ${DEMO_FILES.length / EXPECTED_TOOL_TURNS} tool call`);
    expect(text).toContain("Execution timeline");
    expect(text).toContain("Final answer:\n  Summary of the 4 files:");
    expect(text).toContain(`completed · ${EXPECTED_TOOL_TURNS + 1} model requests · 4 tool calls`);
  });
});
