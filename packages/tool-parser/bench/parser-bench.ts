/**
 * Tool-call argument streaming: this parser against the limit (concatenate, one JSON.parse) and the
 * per-fragment re-parsers agents use today. Run: pnpm --filter @parallel-tool-calls/tool-parser bench
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { codeLikeArguments, split } from "./code-like-arguments.js";
import { type BenchInput, benchInput, METHODS, type Method, releaseSink } from "./methods.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Wall-clock budget for one quadratic method on one case; beyond it the total is extrapolated. */
const QUADRATIC_BUDGET_MS = 600;
/**
 * Linear methods run in rounds, taking turns, so that load from other processes on a shared machine
 * hits every method alike. In each round a method runs back to back for this long (at least
 * MIN_SAMPLES runs) and its best run counts (noise only adds); the figure is the median over rounds.
 */
const ROUNDS = 5;
const ROUNDS_LARGE = 3;
const SAMPLE_MS = 80;
const MIN_SAMPLES = 2;
const WARM_UP_MS = 200;

interface Measurement {
  ms: number;
  retainedBytes: number;
  note: string;
}

function timeFull(method: Method, input: BenchInput): number {
  const start = performance.now();
  const run = method.create();
  run.feed(input, 0, input.fragments.length);
  run.finish();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Times every linear method of a case. A full GC runs before each method's turn (nobody pays for
 * another method's garbage) but not between runs of one turn: a forced full GC also throws away
 * optimised code tied to the previous run's objects, so timing right after one measures V8
 * re-optimising instead of the method. Each method's own garbage is collected during its own runs.
 */
function measureLinear(methods: readonly Method[], input: BenchInput): number[] {
  for (const method of methods) {
    gc();
    // Warm-up until the JIT has settled (the first runs are several times slower).
    const warmStart = performance.now();
    for (let i = 0; i < 3 || (performance.now() - warmStart < WARM_UP_MS && i < 30); i++) timeFull(method, input);
  }
  const rounds = input.fragments.length > 200_000 ? ROUNDS_LARGE : ROUNDS;
  const best: number[][] = methods.map(() => []);
  for (let round = 0; round < rounds; round++) {
    methods.forEach((method, k) => {
      gc();
      const samples: number[] = [];
      const began = performance.now();
      while (samples.length < MIN_SAMPLES || (performance.now() - began < SAMPLE_MS && samples.length < 20)) {
        samples.push(timeFull(method, input));
      }
      best[k]?.push(Math.min(...samples));
    });
  }
  return best.map(median);
}

/** Runs within the budget; if it does not finish, extrapolates with cost ∝ text length per fragment. */
function measureQuadratic(method: Method, input: BenchInput): { ms: number; fed: number } {
  const { fragments } = input;
  gc();
  const run = method.create();
  const batch = 64;
  let fed = 0;
  const start = performance.now();
  while (fed < fragments.length && performance.now() - start < QUADRATIC_BUDGET_MS) {
    const to = Math.min(fragments.length, fed + batch);
    run.feed(input, fed, to);
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
function retainedBytes(method: Method, input: BenchInput, fed: number): number {
  releaseSink();
  gc();
  const before = process.memoryUsage().heapUsed;
  const run = method.create();
  run.feed(input, 0, fed);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (fed === input.fragments.length) run.finish();
  return Math.max(0, after - before);
}

function measureCase(input: BenchInput): Measurement[] {
  const linear = METHODS.filter((method) => !method.quadratic);
  const linearMs = measureLinear(linear, input);
  return METHODS.map((method) => {
    const timed = method.quadratic
      ? measureQuadratic(method, input)
      : { ms: linearMs[linear.indexOf(method)] ?? Number.NaN, fed: input.fragments.length };
    const bytes = retainedBytes(method, input, timed.fed);
    const note =
      timed.fed === input.fragments.length
        ? ""
        : `~ extrapolated (quadratic model) from ${timed.fed} of ${input.fragments.length} fragments; memory at that point`;
    return { ms: timed.ms, retainedBytes: bytes, note };
  });
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
  `Node ${process.version}. Linear methods: warm-up of 3–30 runs, then ${ROUNDS} rounds (${ROUNDS_LARGE} at 1 MB in 1-char fragments) taking turns; per round the best of ${MIN_SAMPLES}–20 back-to-back runs; the figure is the median over rounds. Quadratic methods: one capped run. Ratios are to the limit measured in the same rounds.`,
);
console.log("AI SDK tracker: @ai-sdk/provider-utils 5.0.0-beta.30 (newest version whose engines allow Node 20).\n");

const verdicts: string[] = [];
for (const size of sizes) {
  const text = codeLikeArguments(size.bytes);
  for (const how of splits) {
    const input = benchInput(split(text, how.min, how.max));
    console.log(
      `## ${size.label} of code-like arguments (${text.length} chars), ${how.label} (${input.fragments.length})`,
    );
    const measured = measureCase(input);
    const limit = measured[0]?.ms ?? 1;
    for (const [k, method] of METHODS.entries()) {
      const m = measured[k] as Measurement;
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
