import { defineTool, runToolLoop, type ToolLoopEvent, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { gptModel } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { buildApiHandler } from "../src/index.js";
import { useServer } from "./helpers.js";

const ctx = useServer();
const ITEM_DELAY_MS = 80;

describe("openai-native through buildApiHandler and runToolLoop", () => {
  it("three requests against the strict server: each tool starts before the next call's item is done", async () => {
    ctx.server.setHandler(gptModel({ rounds: [3, 1], itemDelayMs: ITEM_DELAY_MS }));
    const started: Array<{ id: string; at: number }> = [];
    const readFile = defineTool<{ path: string }>({
      name: "read_file",
      description: "Read a file",
      parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
      execute: async (input, toolCtx) => {
        started.push({ id: toolCtx.toolCallId, at: Date.now() });
        return `contents of ${input.path}`;
      },
    });
    const loop = runToolLoop({
      handler: buildApiHandler({
        apiProvider: "openai-native",
        openAiNativeBaseUrl: ctx.server.baseUrl,
        apiModelId: "gpt-5.1",
      }),
      registry: new ToolRegistry([readFile as never]),
      systemPrompt: "You are a coding agent.",
      task: "Read the files.",
      taskId: "loop",
    });
    const events: ToolLoopEvent[] = [];
    for await (const event of loop) events.push(event);
    const result = await loop.result;
    const first = PARALLEL_TOOL_CALLS ? 3 : 1;
    expect(result).toMatchObject({ status: "completed", requests: 3, toolCalls: first + 1 });
    // Requests 2 and 3 carried the reasoning items back and were accepted by the strict server.
    const reasoningSent = ctx.server.requests.map(
      (r) => (r.body.input as Array<{ type?: string }>).filter((item) => item.type === "reasoning").length,
    );
    expect(reasoningSent).toEqual([0, 1, 2]);
    // Usage summed over the three responses (what gptModel reports: 40 + 20 per call out, 16 reasoning each).
    expect(result.usage.outputTokens).toBe(40 * 3 + 20 * (first + 1));
    expect(result.usage.reasoningTokens).toBe(48);
    // Each tool of the first response started before the next call's item was complete in the stream.
    const completes = events.filter((e) => e.type === "call_complete" && e.turn === 1);
    const firstTurnStarts = events.filter((e) => e.type === "tool_started" && e.turn === 1);
    for (let i = 0; i + 1 < completes.length; i++) {
      expect(firstTurnStarts[i]?.at).toBeLessThan(completes[i + 1]?.at ?? 0);
    }
    expect(started.map((s) => s.id).slice(0, first)).toEqual(
      Array.from({ length: first }, (_, i) => `call_round0_${i}`),
    );
  });
});
