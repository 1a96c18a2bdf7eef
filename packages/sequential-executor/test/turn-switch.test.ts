import { buildCreateMessageMetadata } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { runToolLoop, runToolTurn } from "../src/index.js";
import { answerResponse, callsResponse, handlerFor, readFileTool, registryOf, SYSTEM, TASK } from "./turn-helpers.js";

const ctx = useServer();

const TWO_CALLS = [
  { id: "call_1", name: "read_file", args: { path: "a.ts" } },
  { id: "call_2", name: "read_file", args: { path: "b.ts" } },
];

/** What the executor does with two calls under each value of the switch. */
function expectedStatuses(parallel: boolean): string[] {
  return parallel ? ["ok", "ok"] : ["ok", "single_tool_limit"];
}

describe("one switch value per turn: the request says it and the executor obeys it", () => {
  for (const parallelToolCalls of [false, true]) {
    it(`parallelToolCalls: ${parallelToolCalls} reaches the wire and the executor`, async () => {
      const { server } = ctx;
      server.enqueue(callsResponse(TWO_CALLS));
      const log: string[] = [];
      const result = await runToolTurn({
        handler: handlerFor(server),
        registry: registryOf(readFileTool(log)),
        systemPrompt: SYSTEM,
        history: TASK,
        parallelToolCalls,
      }).result;
      expect(server.requests[0]?.body?.parallel_tool_calls).toBe(parallelToolCalls);
      expect(result.results.map((r) => r.status)).toEqual(expectedStatuses(parallelToolCalls));
      expect(log).toEqual(parallelToolCalls ? ["run call_1", "run call_2"] : ["run call_1"]);
    });
  }

  it("without an override, the flag decides both", async () => {
    const { server } = ctx;
    server.enqueue(callsResponse(TWO_CALLS));
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history: TASK,
    }).result;
    expect(server.requests[0]?.body?.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(result.results.map((r) => r.status)).toEqual(expectedStatuses(PARALLEL_TOOL_CALLS));
  });

  it("hand-built metadata decides both when no option overrides it; the option wins over it, in a copy", async () => {
    const { server } = ctx;
    const registry = registryOf(readFileTool());
    const metadata = {
      ...buildCreateMessageMetadata({ taskId: "t", tools: registry.toOpenAITools() }),
      parallelToolCalls: !PARALLEL_TOOL_CALLS,
    };
    server.enqueue(callsResponse(TWO_CALLS), callsResponse(TWO_CALLS));
    const fromMetadata = await runToolTurn({
      handler: handlerFor(server),
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      metadata,
    }).result;
    expect(server.requests[0]?.body?.parallel_tool_calls).toBe(!PARALLEL_TOOL_CALLS);
    expect(fromMetadata.results.map((r) => r.status)).toEqual(expectedStatuses(!PARALLEL_TOOL_CALLS));

    const overridden = await runToolTurn({
      handler: handlerFor(server),
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      metadata,
      parallelToolCalls: PARALLEL_TOOL_CALLS,
    }).result;
    expect(server.requests[1]?.body?.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(overridden.results.map((r) => r.status)).toEqual(expectedStatuses(PARALLEL_TOOL_CALLS));
    expect(metadata.parallelToolCalls).toBe(!PARALLEL_TOOL_CALLS);
  });

  it("runToolLoop: every request of the loop and every turn's executor get the same value", async () => {
    const { server } = ctx;
    const parallelToolCalls = !PARALLEL_TOOL_CALLS;
    server.enqueue(callsResponse(TWO_CALLS), callsResponse(TWO_CALLS), answerResponse());
    const result = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "Read a.ts and b.ts",
      parallelToolCalls,
    }).result;
    expect(result.status).toBe("completed");
    expect(server.requests.map((r) => r.body?.parallel_tool_calls)).toEqual([
      parallelToolCalls,
      parallelToolCalls,
      parallelToolCalls,
    ]);
    expect(result.turns.slice(0, 2).map((turn) => turn.toolCalls.map((call) => call.status))).toEqual([
      expectedStatuses(parallelToolCalls),
      expectedStatuses(parallelToolCalls),
    ]);
  });
});
