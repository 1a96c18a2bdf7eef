/**
 * Tool-call argument streaming: this parser against the limit (concatenate, one JSON.parse) and the
 * per-fragment re-parsers agents use today. Run: pnpm --filter @parallel-tool-calls/tool-parser bench
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { codeLikeArguments, split } from "./code-like-arguments.js";
import { METHODS, type Method } from "./methods.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Wall-clock budget for one quadratic method on one case; beyond it the total is extrapolated. */
const QUADRATIC_BUDGET_MS = 600;
/** Linear methods are repeated until this much time was spent; the best run counts (noise only adds). */
const LINEAR_SAMPLE_MS = 300;
const WARM_UP_MS = 200;

interface Measurement {
  ms: number;
  retainedBytes: number;
  note: string;
}

function timeFull(method: Method, fragments: readonly string[]): number {
  gc();
  const start = performance.now();
  const run = method.create();
  run.feed(fragments, 0, fragments.length);
  run.finish();
  return performance.now() - start;
}

function measureLinear(method: Method, fragments: readonly string[]): { ms: number; fed: number } {
  // Warm-up until the JIT has settled (the first runs are several times slower).
  const warmStart = performance.now();
  for (let i = 0; i < 3 || (performance.now() - warmStart < WARM_UP_MS && i < 30); i++) timeFull(method, fragments);
  const samples: number[] = [];
  const began = performance.now();
  while (samples.length < 5 || (performance.now() - began < LINEAR_SAMPLE_MS && samples.length < 20)) {
    samples.push(timeFull(method, fragments));
  }
  return { ms: Math.min(...samples), fed: fragments.length };
}

/** Runs within the budget; if it does not finish, extrapolates with cost ∝ text length per fragment. */
function measureQuadratic(method: Method, fragments: readonly string[]): { ms: number; fed: number } {
  const run = method.create();
  const batch = 64;
  let fed = 0;
  const start = performance.now();
  while (fed < fragments.length && performance.now() - start < QUADRATIC_BUDGET_MS) {
    const to = Math.min(fragments.length, fed + batch);
    run.feed(fragments, fed, to);
    fed = to;
  }
  if (fed === fragments.length) {
    run.finish();
    return { ms: performance.now() - start, fed };
  }
  const elapsed = performance.now() - start;
  let prefix = 0;
  let doneCost = 0;
  let totalCost = 0;
  for (let i = 0; i < fragments.length; i++) {
    prefix += fragments[i]?.length ?? 0;
    totalCost += prefix;
    if (i < fed) doneCost = totalCost;
  }
  return { ms: elapsed * (totalCost / doneCost), fed };
}

/** Heap retained by the method's state once `fed` fragments are in (the peak for accumulators). */
function retainedBytes(method: Method, fragments: readonly string[], fed: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const run = method.create();
  run.feed(fragments, 0, fed);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (fed === fragments.length) run.finish();
  return Math.max(0, after - before);
}

function measure(method: Method, fragments: readonly string[]): Measurement {
  const { ms, fed } = method.quadratic ? measureQuadratic(method, fragments) : measureLinear(method, fragments);
  const bytes = retainedBytes(method, fragments, fed);
  const note =
    fed === fragments.length
      ? ""
      : `~ extrapolated (quadratic model) from ${fed} of ${fragments.length} fragments; memory at that point`;
  return { ms, retainedBytes: bytes, note };
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

const sizes = [
  { label: "16 KB", bytes: 16 * 1024 },
  { label: "64 KB", bytes: 64 * 1024 },
  { label: "1 MB", bytes: 1024 * 1024 },
];
const splits = [
  { label: "1–8-char fragments", min: 1, max: 8 },
  { label: "1-char fragments", min: 1, max: 1 },
];

console.log(
  `Node ${process.version}. Times: best of 5–20 runs after a warm-up of 3–30 runs (one capped run for quadratic methods); ratios are to the limit measured in the same run.`,
);
console.log("AI SDK tracker: @ai-sdk/provider-utils 5.0.0-beta.30 (newest version whose engines allow Node 20).\n");

const verdicts: string[] = [];
for (const size of sizes) {
  const text = codeLikeArguments(size.bytes);
  for (const how of splits) {
    const fragments = split(text, how.min, how.max);
    console.log(`## ${size.label} of code-like arguments (${text.length} chars), ${how.label} (${fragments.length})`);
    const rows: Array<{ method: Method; m: Measurement }> = [];
    for (const method of METHODS) rows.push({ method, m: measure(method, fragments) });
    const limit = rows[0]?.m.ms ?? 1;
    for (const { method, m } of rows) {
      const ratio = m.ms / limit;
      console.log(
        `  ${method.label.padEnd(40)} ${m.ms.toFixed(2).padStart(10)} ms ${ratio.toFixed(1).padStart(8)}×  retained ${kb(m.retainedBytes).padStart(8)}  ${m.note}`,
      );
      if (size.bytes >= 64 * 1024 && method.label === "this parser") {
        verdicts.push(
          `${ratio <= 3 ? "PASS" : "MISS"} this parser ≤3× the limit: ${size.label}, ${how.label}: ${ratio.toFixed(2)}×`,
        );
      }
      if (size.bytes >= 64 * 1024 && method.label === "this parser, partialInput") {
        verdicts.push(
          `${ratio <= 25 ? "PASS" : "MISS"} partial input ≤25× the limit: ${size.label}, ${how.label}: ${ratio.toFixed(2)}×`,
        );
      }
    }
    console.log("");
  }
}
console.log("Targets:");
for (const line of verdicts) console.log(`  ${line}`);
