// (d) The workspace tools against patterns a hostile model might send, side by side in one run:
// JavaScript's backtracking RegExp against the RE2 engine the tools use, for regexes and for globs,
// then search_files end to end on growing files (linear means ×2 input ≈ ×2 time), with the longest
// event-loop stall seen meanwhile.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import picomatch from "picomatch";
import { compileGlob } from "../src/tools/glob.js";
import { DEFAULT_WORKSPACE_LIMITS } from "../src/tools/limits.js";
import { compileSearchRegex } from "../src/tools/linear-regex.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { Workspace } from "../src/tools/workspace.js";
import { median } from "./shared.js";

const NESTED = "^(\\S+\\s*)*\\d$";
const GLOB = `${"*a".repeat(6)}*b`;
const limits = { ...DEFAULT_WORKSPACE_LIMITS };

function ms(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const cell = (value: number, width = 10) => value.toFixed(value < 10 ? 3 : 1).padStart(width);

function regexEngines(): void {
  const native = new RegExp(NESTED);
  const linear = compileSearchRegex(NESTED, limits);
  console.log(`(d1) regex ${NESTED} on one line of n words that does not match, ms:`);
  console.log("      n   JS RegExp        RE2   RegExp / RE2");
  for (const n of [14, 16, 18, 20, 22]) {
    const line = `${"ab ".repeat(n)}!`;
    const a = ms(() => native.test(line));
    const b = median([0, 1, 2].map(() => ms(() => linear.test(line))));
    console.log(`   ${String(n).padStart(4)} ${cell(a, 11)} ${cell(b)}   ${(a / b).toFixed(0).padStart(10)}×`);
  }
}

function globEngines(): void {
  const native = picomatch(GLOB, { dot: true });
  const linear = compileGlob(GLOB, limits);
  console.log(`(d2) glob ${GLOB} against a file name of n letters "a", ms:`);
  console.log("      n   picomatch   picomatch→RE2   picomatch / RE2");
  for (const n of [20, 30, 40, 50]) {
    const name = "a".repeat(n);
    const a = ms(() => native(name));
    const b = median([0, 1, 2].map(() => ms(() => linear(name))));
    console.log(`   ${String(n).padStart(4)} ${cell(a, 11)} ${cell(b, 15)}   ${(a / b).toFixed(0).padStart(13)}×`);
  }
}

async function searchEndToEnd(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), "ptc-bench-search-"));
  try {
    // 8, 16 and 32 files of 200 KB: the input doubles from one size to the next.
    const sizes = [8, 16, 32];
    const line = `${"word ".repeat(15)}end!\n`;
    const text = line.repeat(Math.floor((200 * 1024) / line.length));
    for (const files of sizes) {
      await mkdir(join(base, `x${files}`));
      for (let i = 0; i < files; i++) await writeFile(join(base, `x${files}`, `text${i}.txt`), text);
    }
    // A single 240 KB line: the costly pattern is cut to its per-line work budget, and says so.
    await writeFile(join(base, "one-line.txt"), "ab".repeat(120 * 1024));
    const workspace = await Workspace.open(base);
    const patterns = [NESTED, "(a|aa)*c$", "(?s)a.{999}c$", "\\bwords?\\s+stop\\b"]; // none matches
    console.log("(d3) search_files end to end on 1.6, 3.2 and 6.4 MB of text, median of 5, ms (and ratio to 1.6 MB):");
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    for (const regex of patterns) {
      const runs: number[][] = sizes.map(() => []);
      for (const size of sizes) await searchWorkspaceFiles(workspace, { regex, path: `x${size}` }); // warm-up
      // Sizes interleaved round by round, so that load from elsewhere hits all of them alike.
      for (let round = 0; round < 5; round++) {
        for (const [i, size] of sizes.entries()) {
          const started = performance.now();
          await searchWorkspaceFiles(workspace, { regex, path: `x${size}` });
          runs[i]?.push(performance.now() - started);
        }
      }
      const times = runs.map(median);
      const [one = 1] = times;
      const row = times.map((t) => `${cell(t, 9)} (${(t / one).toFixed(2)}×)`).join(" ");
      console.log(`    ${regex.padEnd(18)} ${row}`);
    }
    const started = performance.now();
    const cut = await searchWorkspaceFiles(workspace, { regex: "(?s)a.{999}c$", file_pattern: "one-line.txt" });
    console.log(
      `    (?s)a.{999}c$ on one 240 KB line: ${cell(performance.now() - started, 1)} ms — ${cut.split("\n").at(-1)}`,
    );
    lag.disable();
    // On a shared machine the maximum also counts time the process was not scheduled at all.
    const stall = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(
      `    event-loop delay during (d3): p99 ${stall(lag.percentile(99))} ms, max ${stall(lag.max)} ms (the tools yield every ${limits.sliceMs} ms)`,
    );
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

export async function benchAdversarialSearch(): Promise<void> {
  regexEngines();
  console.log("");
  globEngines();
  console.log("");
  await searchEndToEnd();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchAdversarialSearch();
