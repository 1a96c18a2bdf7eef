// Benchmark (not a test): `pnpm bench`. One turn with 1k, 10k and 100k tool calls: the per-call
// cost of runToolTurn (stream → parser → executor → history) beside the bare executor fed the same
// calls, and beside the previous example's pattern (scan all results on every finished call), so
// that linear and quadratic growth show side by side in one run.
import { performance } from "node:perf_hooks";
import type { ApiHandler, ApiStream, ApiStreamToolCallEndChunk } from "@parallel-tool-calls/core-metadata";
import { defineTool, runToolTurn, SequentialToolExecutor, ToolRegistry } from "../src/index.js";

const SIZES = [1_000, 10_000, 100_000];
/** The scanning pattern is quadratic: past this size it would take minutes, so it is not run. */
const SCAN_LIMIT = 20_000;

const registry = new ToolRegistry([
  defineTool({ name: "noop", description: "", parameters: { type: "object" }, execute: () => "ok" }),
]);

/** A handler of our own that streams `count` complete calls from memory: no network in the figures. */
function memoryHandler(count: number): ApiHandler {
  return {
    getModel: () => ({ id: "memory", info: {} }),
    async *createMessage(): ApiStream {
      for (let i = 0; i < count; i++) {
        yield { type: "tool_call_partial", index: i, id: `call_${i}`, name: "noop", arguments: "{}" };
      }
      yield { type: "finish_reason", reason: "tool_calls" };
      yield { type: "usage", inputTokens: 1, outputTokens: 1 };
    },
  };
}

function ends(count: number): ApiStreamToolCallEndChunk[] {
  return Array.from({ length: count }, (_, i) => ({
    type: "tool_call_end",
    id: `call_${i}`,
    name: "noop",
    arguments: "{}",
    input: {},
  }));
}

async function bareExecutor(count: number, scanResults: boolean): Promise<number> {
  const events = ends(count);
  const started = performance.now();
  const executor: SequentialToolExecutor = new SequentialToolExecutor({
    registry,
    ...(scanResults
      ? {
          onEvent: (event) => {
            if (event.type === "finished") executor.results.find((r) => r.toolCallId === event.toolCallId);
          },
        }
      : {}),
  });
  for (const event of events) executor.handle(event);
  executor.endStream();
  await executor.done;
  return performance.now() - started;
}

async function turn(count: number): Promise<number> {
  const handler = memoryHandler(count);
  const started = performance.now();
  const result = await runToolTurn({ handler, registry, systemPrompt: "", history: [] }).result;
  const elapsed = performance.now() - started;
  if (result.results.length !== count) throw new Error(`expected ${count} results, got ${result.results.length}`);
  return elapsed;
}

const us = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(2)} µs`.padStart(11);

console.log("One turn with N tool calls (no-op tools); per-call time, best of 3 (1 run at 100k)");
console.log("N          bare executor   runToolTurn   turn/bare   scan-all-results pattern");
const perCall: number[] = [];
for (const count of SIZES) {
  const rounds = count >= 100_000 ? 1 : 3;
  let bare = Number.POSITIVE_INFINITY;
  let full = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    bare = Math.min(bare, await bareExecutor(count, false));
    full = Math.min(full, await turn(count));
  }
  const scan = count <= SCAN_LIMIT ? us(await bareExecutor(count, true), count) : "(not run: quadratic)".padStart(11);
  perCall.push(full / count);
  console.log(
    `${String(count).padEnd(9)} ${us(bare, count)}   ${us(full, count)}   ${`${(full / bare).toFixed(2)}x`.padStart(9)}   ${scan}`,
  );
}
const first = perCall[0] ?? 1;
console.log(
  `runToolTurn per-call time relative to N=1k: ${perCall.map((t) => `${(t / first).toFixed(2)}x`).join(", ")} (flat = linear)`,
);
