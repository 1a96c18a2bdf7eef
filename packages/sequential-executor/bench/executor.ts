// Benchmark (not a test): run with `pnpm bench`. Prints figures side by side, as ratios measured in
// the same run, so that machine speed cancels out.
import { performance } from "node:perf_hooks";
import type { ApiStreamToolCallEndChunk } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { defineTool, SequentialToolExecutor, type StartWhen, ToolRegistry } from "../src/index.js";

const CALLS_PER_TURN = 5;
const TURNS = 4_000;
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// --- 1. Scheduling overhead per call --------------------------------------------------------

const noopSync = defineTool({
  name: "noop_sync",
  description: "",
  parameters: { type: "object" },
  execute: () => "ok",
});
const noopAsync = defineTool({
  name: "noop_async",
  description: "",
  parameters: { type: "object" },
  execute: async () => "ok",
});
const registry = new ToolRegistry([noopSync, noopAsync]);

function turnEvents(name: string, turn: number): ApiStreamToolCallEndChunk[] {
  return Array.from({ length: CALLS_PER_TURN }, (_, i) => ({
    type: "tool_call_end",
    id: `t${turn}_${i}`,
    name,
    arguments: "{}",
    input: {},
  }));
}

/** The alternative: a plain loop awaiting each tool, no validation, no bookkeeping. */
async function plainLoop(name: string): Promise<number> {
  const tool = registry.get(name);
  if (!tool) throw new Error(`no tool ${name}`);
  const signal = new AbortController().signal;
  const started = performance.now();
  for (let turn = 0; turn < TURNS; turn++) {
    const results: string[] = [];
    for (const call of turnEvents(name, turn)) {
      const ctx = { toolCallId: call.id, signal, reportProgress() {}, reportResult() {} };
      results.push(String(await tool.execute(call.input, ctx)));
    }
  }
  return performance.now() - started;
}

/** One executor per turn, as an agent uses it: feed the ends, end the stream, await `done`. */
async function withExecutor(name: string): Promise<number> {
  const started = performance.now();
  for (let turn = 0; turn < TURNS; turn++) {
    const executor = new SequentialToolExecutor({ registry, parallelToolCalls: PARALLEL_TOOL_CALLS });
    for (const event of turnEvents(name, turn)) executor.handle(event);
    executor.endStream();
    await executor.done;
  }
  return performance.now() - started;
}

async function overhead(): Promise<void> {
  const calls = TURNS * CALLS_PER_TURN;
  console.log(`Scheduling overhead: ${TURNS} turns x ${CALLS_PER_TURN} no-op calls, median of ${ROUNDS} rounds`);
  console.log("tool        plain loop   executor   ratio   executor overhead");
  for (const name of ["noop_sync", "noop_async"]) {
    await plainLoop(name);
    await withExecutor(name);
    const plain: number[] = [];
    const executor: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      plain.push(await plainLoop(name));
      executor.push(await withExecutor(name));
    }
    const plainNs = (median(plain) / calls) * 1e6;
    const executorNs = (median(executor) / calls) * 1e6;
    console.log(
      `${name.padEnd(11)} ${`${plainNs.toFixed(0)} ns`.padStart(10)} ${`${executorNs.toFixed(0)} ns`.padStart(10)} ${`${(executorNs / plainNs).toFixed(1)}x`.padStart(7)}   +${((executorNs - plainNs) / 1000).toFixed(2)} µs/call`,
    );
  }
}

// --- 2. Start times over a paced stream -----------------------------------------------------

const CHUNKS_PER_CALL = 15;
const CHUNK_INTERVAL_MS = 20;
const TOOL_MS = 50;

const work = defineTool({
  name: "work",
  description: "",
  parameters: { type: "object" },
  execute: async () => {
    await sleep(TOOL_MS);
    return "done";
  },
});

interface PacedRun {
  starts: number[];
  done: number;
  streamEnd: number;
}

/** Three calls whose arguments stream one after the other, a chunk every CHUNK_INTERVAL_MS. */
async function pacedRun(startWhen: StartWhen): Promise<PacedRun> {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const executor = new SequentialToolExecutor({
    registry: new ToolRegistry([work]),
    startWhen,
    now,
    parallelToolCalls: PARALLEL_TOOL_CALLS,
  });
  for (let call = 0; call < 3; call++) {
    const id = `call_${call}`;
    executor.handle({ type: "tool_call_start", id, name: "work" });
    for (let chunk = 0; chunk < CHUNKS_PER_CALL; chunk++) {
      await sleep(CHUNK_INTERVAL_MS);
      executor.handle({ type: "tool_call_delta", id, delta: " " });
    }
    executor.handle({ type: "tool_call_end", id, name: "work", arguments: "{}", input: {} });
  }
  const streamEnd = now();
  executor.endStream();
  await executor.done;
  const starts = executor.timeline.filter((e) => e.type === "started").map((e) => e.at);
  return { starts, done: now(), streamEnd };
}

async function pacing(): Promise<void> {
  console.log(
    `\nPaced stream: 3 calls, each streaming ${CHUNKS_PER_CALL} chunks every ${CHUNK_INTERVAL_MS} ms; each tool takes ${TOOL_MS} ms; median of 3`,
  );
  const byDefault: PacedRun[] = [];
  const atEnd: PacedRun[] = [];
  for (let round = 0; round < 3; round++) {
    byDefault.push(await pacedRun("call_ended"));
    atEnd.push(await pacedRun("stream_ended"));
  }
  const startOf = (runs: PacedRun[], i: number) => median(runs.map((r) => r.starts[i] ?? Number.NaN));
  console.log("call     default start   stream_ended start   earlier by");
  for (let i = 0; i < 3; i++) {
    const a = startOf(byDefault, i);
    const b = startOf(atEnd, i);
    if (Number.isNaN(a)) {
      console.log(`call_${i}   not run: parallel tool calls are off`);
      continue;
    }
    console.log(
      `call_${i}   ${`${a.toFixed(0)} ms`.padStart(13)}   ${`${b.toFixed(0)} ms`.padStart(18)}   ${`${(b - a).toFixed(0)} ms`.padStart(10)}`,
    );
  }
  const doneA = median(byDefault.map((r) => r.done));
  const doneB = median(atEnd.map((r) => r.done));
  const streamEnd = median(byDefault.map((r) => r.streamEnd));
  console.log(
    `all results: ${doneA.toFixed(0)} ms by default vs ${doneB.toFixed(0)} ms waiting for the stream end (stream ended at ${streamEnd.toFixed(0)} ms; ${(doneB / doneA).toFixed(2)}x)`,
  );
}

console.log(
  `PARALLEL_TOOL_CALLS = ${PARALLEL_TOOL_CALLS}${PARALLEL_TOOL_CALLS ? "" : " (only the first call of a turn runs; the others are answered without running, so the overhead rows compare different work)"}\n`,
);
await overhead();
await pacing();
