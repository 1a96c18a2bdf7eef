import type { ToolCallStreamEvent } from "@parallel-tool-calls/core-metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineTool, SequentialToolExecutor, ToolRegistry, type ToolResultStatus } from "../src/index.js";
import { end, macrotasks, start, unparsedEnd } from "./helpers.js";
import { hostileValues } from "./hostile-values.js";

// Thrown or returned by the hostile tools: revoked proxies, throwing getters, toString, then, ...
const hostile = hostileValues().map(([, make]) => make);

type Behaviour =
  | "ok"
  | "sync"
  | "throw"
  | "reportTwice"
  | "unknown"
  | "unparsed"
  | "invalid"
  | "deny"
  | "hostileThrow"
  | "hostileReturn";

const behaviours: Behaviour[] = [
  "ok",
  "sync",
  "throw",
  "reportTwice",
  "unknown",
  "unparsed",
  "invalid",
  "deny",
  "hostileThrow",
  "hostileReturn",
];

interface CallPlan {
  behaviour: Behaviour;
  withStart: boolean;
  ends: boolean;
  duplicateEnd: boolean;
  startKey: number;
  endGap: number;
  steps: number;
  hostile: number;
}

const callPlan = fc.record({
  behaviour: fc.constantFrom(...behaviours),
  withStart: fc.boolean(),
  // Most calls end; some are cut off mid-arguments.
  ends: fc.nat(5).map((n) => n > 0),
  duplicateEnd: fc.boolean(),
  startKey: fc.nat(100),
  endGap: fc.nat(100),
  steps: fc.nat(3),
  hostile: fc.nat(hostile.length - 1),
});

const scenario = fc.record({
  calls: fc.array(callPlan, { minLength: 1, maxLength: 6 }),
  termination: fc.constantFrom("end", "fail", "abort"),
  terminateAt: fc.nat(20),
  ticks: fc.array(fc.nat(2), { minLength: 20, maxLength: 20 }),
  parallelToolCalls: fc.boolean(),
  startWhen: fc.constantFrom("call_ended" as const, "stream_ended" as const),
  asyncApproval: fc.boolean(),
});

/** What the executor may answer for a call, by behaviour, when nothing stops it first. */
const ownStatus: Record<Behaviour, ToolResultStatus> = {
  ok: "ok",
  sync: "ok",
  reportTwice: "ok",
  throw: "error",
  unknown: "unknown_tool",
  unparsed: "invalid",
  invalid: "invalid",
  deny: "denied",
  hostileThrow: "error",
  hostileReturn: "error",
};
const stoppedStatuses: ToolResultStatus[] = ["skipped", "single_tool_limit", "interrupted", "stream_failed"];

function eventsFor(calls: CallPlan[]): ToolCallStreamEvent[] {
  const keyed: Array<{ key: number; order: number; event: ToolCallStreamEvent }> = [];
  calls.forEach((plan, i) => {
    const id = `call_${i}`;
    const name = {
      unknown: "missing_tool",
      throw: "boom",
      sync: "sync",
      reportTwice: "twice",
      invalid: "strict",
      hostileThrow: "hostile_throw",
      hostileReturn: "hostile_return",
    }[plan.behaviour as string];
    const toolName = name ?? "work";
    if (plan.withStart) keyed.push({ key: plan.startKey, order: keyed.length, event: start(id, toolName) });
    if (!plan.ends) return;
    const args =
      plan.behaviour === "invalid"
        ? { path: 1 }
        : { steps: plan.steps, deny: plan.behaviour === "deny" ? 1 : 0, hostile: plan.hostile };
    const ended = plan.behaviour === "unparsed" ? unparsedEnd(id, toolName) : end(id, toolName, args);
    const endKey = plan.startKey + plan.endGap;
    keyed.push({ key: endKey, order: keyed.length, event: ended });
    if (plan.duplicateEnd) keyed.push({ key: endKey + 1, order: keyed.length, event: ended });
  });
  return keyed.sort((a, b) => a.key - b.key || a.order - b.order).map((k) => k.event);
}

describe("SequentialToolExecutor property", () => {
  // Generous timeout: the property yields to the event loop a lot, and CI machines are shared.
  it("always one result per seen call id, in first-seen order, never two tools at once", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const log: string[] = [];
        let running = 0;
        let maxRunning = 0;
        const track = async (id: string, steps: number) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          log.push(`start ${id}`);
          await macrotasks(steps);
          running--;
        };
        const tools = [
          defineTool({
            name: "work",
            description: "",
            parameters: { type: "object", properties: { steps: { type: "integer" } } },
            execute: async (input, ctx) => {
              await track(ctx.toolCallId, Number(input.steps ?? 0));
              return `work ${ctx.toolCallId}`;
            },
          }),
          defineTool({
            name: "boom",
            description: "",
            parameters: { type: "object" },
            execute: async (input, ctx) => {
              await track(ctx.toolCallId, Number(input.steps ?? 0));
              throw new Error("boom");
            },
          }),
          defineTool({
            name: "sync",
            description: "",
            parameters: { type: "object" },
            execute: (_input, ctx) => {
              log.push(`start ${ctx.toolCallId}`);
              return "sync";
            },
          }),
          defineTool({
            name: "twice",
            description: "",
            parameters: { type: "object" },
            execute: async (input, ctx) => {
              ctx.reportResult(`first ${ctx.toolCallId}`);
              await track(ctx.toolCallId, Number(input.steps ?? 0));
              ctx.reportResult("second");
              return "third";
            },
          }),
          defineTool({
            name: "hostile_throw",
            description: "",
            parameters: { type: "object" },
            execute: async (input, ctx) => {
              await track(ctx.toolCallId, Number(input.steps ?? 0));
              throw hostile[Number(input.hostile)]?.();
            },
          }),
          defineTool({
            name: "hostile_return",
            description: "",
            parameters: { type: "object" },
            execute: (input, ctx) => {
              log.push(`start ${ctx.toolCallId}`);
              return hostile[Number(input.hostile)]?.() as string;
            },
          }),
          defineTool({
            name: "strict",
            description: "",
            parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
            execute: () => "never",
          }),
        ];
        const executor = new SequentialToolExecutor({
          registry: new ToolRegistry(tools),
          parallelToolCalls: s.parallelToolCalls,
          startWhen: s.startWhen,
          approve: (call) => (s.asyncApproval ? Promise.resolve(call.input.deny !== 1) : call.input.deny !== 1),
        });

        const events = eventsFor(s.calls);
        const terminateAt = Math.min(s.terminateAt, events.length);
        const seen: string[] = [];
        const endedIds = new Set<string>();
        const terminate = () => {
          log.push("terminated");
          if (s.termination === "end") executor.endStream();
          else if (s.termination === "fail") executor.failStream(new Error("connection reset"));
          else executor.abort();
        };
        for (const [i, event] of events.entries()) {
          if (i === terminateAt) terminate();
          if (i >= terminateAt && s.termination !== "abort") break;
          if (!executor.signal.aborted) {
            if (!seen.includes(event.id)) seen.push(event.id);
            if (event.type === "tool_call_end") endedIds.add(event.id);
          }
          executor.handle(event);
          await macrotasks(s.ticks[i] ?? 0);
        }
        if (terminateAt >= events.length) terminate();
        else if (s.termination === "abort") executor.endStream();

        const results = await executor.done;
        await executor.whenIdle();

        // Exactly one result per call the executor saw, in the order it first saw them.
        expect(results.map((r) => r.toolCallId)).toEqual(seen);
        const finished = executor.timeline.filter((e) => e.type === "finished").map((e) => e.toolCallId);
        expect([...finished].sort()).toEqual([...seen].sort());
        // Never two at once, and starts follow the call order.
        expect(maxRunning).toBeLessThanOrEqual(1);
        const started = log.filter((l) => l.startsWith("start ")).map((l) => l.slice(6));
        const startedIndexes = started.map((id) => seen.indexOf(id));
        expect(startedIndexes).toEqual([...startedIndexes].sort((a, b) => a - b));
        expect(new Set(started).size).toBe(started.length);
        // Nothing starts after an abort or a stream failure.
        if (s.termination !== "end") {
          expect(log.slice(log.indexOf("terminated")).some((l) => l.startsWith("start "))).toBe(false);
        }
        if (!s.parallelToolCalls) expect(started.length).toBeLessThanOrEqual(1);

        let denied = false;
        for (const result of results) {
          const index = Number(result.toolCallId.slice(5));
          const plan = s.calls[index] as CallPlan;
          expect(result.isError).toBe(result.status !== "ok");
          if (denied) expect(["ok", "error", "denied"]).not.toContain(result.status);
          if (result.status === "denied") denied = true;
          if (endedIds.has(result.toolCallId)) {
            expect([ownStatus[plan.behaviour], ...stoppedStatuses]).toContain(result.status);
          } else {
            expect(["invalid", "interrupted", "stream_failed"]).toContain(result.status);
          }
          if (plan.behaviour === "reportTwice" && result.status === "ok") {
            expect(result.content).toBe(`first ${result.toolCallId}`);
          }
          if (result.status === "ok" || result.status === "error") expect(started).toContain(result.toolCallId);
        }
      }),
      { numRuns: 250 },
    );
  });
});
