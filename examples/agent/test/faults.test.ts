import type { MessageParam, ToolResultBlockParam } from "@parallel-tool-calls/core-metadata";
import { defineTool } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import {
  chunk,
  errorChunk,
  type SseEvent,
  startTestServer,
  type TestServer,
  toolCallChunks,
  usageChunk,
  validateChatRequest,
} from "@parallel-tool-calls/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AgentOptions, runAgent } from "../src/agent-loop.js";
import { SYSTEM_PROMPT } from "../src/demo-task.js";
import { expectOneResultPerCall, handlerFor, sampleRegistry, sendNextRequest } from "./helpers.js";

const read = (id: string, path: string) => ({ id, name: "read_file", arguments: JSON.stringify({ path }) });
const THREE_READS = [read("call_a", "README.md"), read("call_b", "src/catalog.ts"), read("call_c", "src/loans.ts")];

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function resultsOf(history: MessageParam[]): ToolResultBlockParam[] {
  return history.flatMap((m) =>
    m.role === "user" && typeof m.content !== "string"
      ? m.content.filter((b): b is ToolResultBlockParam => b.type === "tool_result")
      : [],
  );
}

async function run(options: Partial<AgentOptions> = {}) {
  return runAgent({
    handler: handlerFor(server),
    registry: await sampleRegistry(),
    systemPrompt: SYSTEM_PROMPT,
    task: "Read README.md, src/catalog.ts and src/loans.ts.",
    ...options,
  });
}

/** The saved history must be accepted as the next request: the server validates tool-call pairing. */
async function expectNextRequestAccepted(history: MessageParam[], registry = sampleRegistry()) {
  expectOneResultPerCall(history);
  const next = await sendNextRequest(server, history, await registry);
  expect(next.text).toBe("ok");
  expect(validateChatRequest(next.body)).toBeNull();
  const calls = next.body.messages.flatMap((m: { tool_calls?: unknown[] }) => m.tool_calls ?? []).length;
  expect(next.body.messages.filter((m: { role: string }) => m.role === "tool")).toHaveLength(calls);
}

describe("faults end to end: the saved history stays valid", () => {
  it("a connection cut in the middle of the second of three calls", async () => {
    const events = toolCallChunks(THREE_READS, { fragmentSize: 5 });
    // Cut halfway through the second call's argument fragments.
    const secondHeader = events.findIndex((e) => JSON.stringify(e).includes('"call_b"'));
    const thirdHeader = events.findIndex((e) => JSON.stringify(e).includes('"call_c"'));
    const cutAt = Math.floor((secondHeader + thirdHeader) / 2);
    server.enqueue({
      kind: "stream",
      // The pause lets the client read what was sent: a reset right after the writes could discard it.
      events: [
        { data: chunk({ content: "Reading three files." }) },
        ...events.slice(0, cutAt),
        { delayMs: 300 },
        { cut: true },
      ],
    });
    const result = await run();
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("stream_failed");
    expect((result.error?.cause as { code?: string } | undefined)?.code).toBe("connection_lost");
    // The first call was complete (the second had started) and ran; the cut one never ran and is not saved.
    expect(result.turns[0]?.toolCalls.map((c) => [c.toolCallId, c.status])).toEqual([["call_a", "ok"]]);
    expect(resultsOf(result.history).map((r) => r.tool_use_id)).toEqual(["call_a"]);
    await expectNextRequestAccepted(result.history);
  });

  it("an in-stream error after the first call has run", async () => {
    const events = toolCallChunks(THREE_READS, { fragmentSize: 5 });
    const secondHeader = events.findIndex((e) => JSON.stringify(e).includes('"call_b"'));
    const thirdHeader = events.findIndex((e) => JSON.stringify(e).includes('"call_c"'));
    let ranAt = 0;
    const rest: SseEvent[] = [
      { delayMs: 200 }, // call_a is complete once call_b starts: it runs to the end during this pause
      ...events.slice(secondHeader + 1, thirdHeader - 1),
      { data: errorChunk({ code: 502, message: "Upstream provider went away" }) },
    ];
    server.enqueue({ kind: "stream", events: [...events.slice(0, secondHeader + 1), ...rest] });
    const result = await run({
      onEvent: (event) => {
        if (event.type === "tool_result" && event.toolCallId === "call_a") ranAt = event.at;
      },
    });
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("stream_failed");
    expect((result.error?.cause as { code?: string } | undefined)?.code).toBe("stream_error");
    const streamEnd = result.events.find((e) => e.type === "stream_end");
    expect(streamEnd?.type === "stream_end" && streamEnd.error?.message).toMatch(/Upstream provider went away/);
    expect(ranAt).toBeGreaterThan(0);
    expect(ranAt).toBeLessThan(streamEnd?.at ?? 0);
    // call_b was still streaming when the error came: it never ran and is not part of the saved turn.
    expect(result.turns[0]?.toolCalls.map((c) => [c.toolCallId, c.status])).toEqual([["call_a", "ok"]]);
    expect(resultsOf(result.history).find((r) => r.tool_use_id === "call_a")?.content).toContain("# Bookshelf");
    await expectNextRequestAccepted(result.history);
  });

  it("an abort in the middle of a tool", async () => {
    const controller = new AbortController();
    let sawAbort = false;
    const slow = defineTool({
      name: "slow_scan",
      description: "Takes a while; stops when aborted.",
      parameters: { type: "object", properties: {} },
      execute: (_input, ctx) =>
        new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve("finished scanning"), 5_000);
          ctx.signal.addEventListener("abort", () => {
            sawAbort = true;
            clearTimeout(timer);
            resolve("stopped");
          });
        }),
    });
    const registry = sampleRegistry([slow]);
    server.enqueue({
      kind: "stream",
      events: [
        ...toolCallChunks([{ id: "call_slow", name: "slow_scan", arguments: "{}" }, ...THREE_READS.slice(0, 2)]),
        { data: chunk({ finish_reason: "tool_calls" }) },
        { data: usageChunk({ prompt_tokens: 10, completion_tokens: 10 }) },
      ],
    });
    const result = await run({
      registry: await registry,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "tool_started" && event.name === "slow_scan") setTimeout(() => controller.abort(), 20);
      },
    });
    expect(result.status).toBe("aborted");
    expect(sawAbort).toBe(true);
    const slowCall = result.turns[0]?.toolCalls.find((c) => c.toolCallId === "call_slow");
    expect(slowCall?.status).toBe("interrupted");
    // Nothing ran after the abort: every other saved call is answered without running.
    for (const call of result.turns[0]?.toolCalls ?? []) expect(call.status).not.toBe("ok");
    expect(server.requests).toHaveLength(1);
    await expectNextRequestAccepted(result.history, registry);
  });

  it("a tool that throws", async () => {
    const explode = defineTool({
      name: "explode",
      description: "Always fails.",
      parameters: { type: "object", properties: {} },
      execute: () => {
        throw new Error("disk on fire");
      },
    });
    const registry = sampleRegistry([explode]);
    server.enqueue(
      {
        kind: "stream",
        events: [
          ...toolCallChunks([{ id: "call_boom", name: "explode", arguments: "{}" }, ...THREE_READS.slice(0, 2)]),
          { data: chunk({ finish_reason: "tool_calls" }) },
        ],
      },
      { kind: "stream", events: [{ data: chunk({ content: "Done despite the failure." }) }] },
    );
    const result = await run({ registry: await registry });
    expect(result.status).toBe("completed");
    expect(result.finalText).toBe("Done despite the failure.");
    const statuses = result.turns[0]?.toolCalls.map((c) => c.status);
    // The failure does not stop later calls; with the flag off only one call runs per turn anyway.
    expect(statuses).toEqual([
      "error",
      ...(PARALLEL_TOOL_CALLS ? ["ok", "ok"] : ["single_tool_limit", "single_tool_limit"]),
    ]);
    const boom = resultsOf(result.history).find((r) => r.tool_use_id === "call_boom");
    expect(boom?.is_error).toBe(true);
    expect(boom?.content).toContain("disk on fire");
    // The loop's own second request carried the history and was accepted; one more is too.
    expect(server.requests).toHaveLength(2);
    expect(validateChatRequest(server.requests[1]?.body)).toBeNull();
    await expectNextRequestAccepted(result.history, registry);
  });
});
