// (c) Requests and prompt tokens for the demo task in this tree against the same task in a copy of the
// repository with the parallel-tool-calls switch flipped (the revert drill's copy).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";

interface DemoReport {
  status: string;
  parallelToolCalls: boolean;
  requests: number;
  toolCalls: number;
  promptTokens: number;
  completionTokens: number;
  wallMs: number;
}

type CreateFlippedCopy = (root: string, options?: { quiet?: boolean }) => { dir: string; value: boolean };

const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Runs the demo with --json in a checkout and returns its report (the last JSON line printed). */
function demoReport(root: string): DemoReport {
  const out = execFileSync(
    "pnpm",
    ["--silent", "--filter", "@parallel-tool-calls/example-agent", "run", "demo", "--json"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 },
  );
  const line = out
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error(`the demo printed no JSON report in ${root}:\n${out}`);
  const report = JSON.parse(line) as DemoReport;
  if (report.status !== "completed") throw new Error(`the demo did not complete in ${root}: ${line}`);
  return report;
}

function row(label: string, a: number, b: number): string {
  const ratio = a === 0 ? "" : `${(b / a).toFixed(2)}×`;
  return `    ${label.padEnd(20)}${String(a).padStart(10)}${String(b).padStart(14)}${ratio.padStart(12)}`;
}

/** `flippedDir`: an existing flipped copy to reuse (e.g. from `pnpm revert:drill --keep`); kept afterwards. */
export async function benchFlagCompare(skipFlipped: boolean, flippedDir?: string): Promise<void> {
  const here = demoReport(REPO_ROOT);
  if (here.parallelToolCalls !== PARALLEL_TOOL_CALLS) throw new Error("the demo report disagrees with the flag");
  if (skipFlipped) {
    console.log(
      `(c) demo task with the flag ${PARALLEL_TOOL_CALLS}: ${here.requests} requests, ${here.toolCalls} tool calls, ` +
        `${here.promptTokens} prompt tokens (flipped copy skipped)`,
    );
    return;
  }
  const started = performance.now();
  const { dir, value } = flippedDir ? { dir: flippedDir, value: !PARALLEL_TOOL_CALLS } : await makeFlippedCopy();
  try {
    const prepared = (performance.now() - started) / 1000;
    const there = demoReport(dir);
    if (there.parallelToolCalls !== value) throw new Error("the flipped copy's demo report disagrees with its flag");
    console.log(
      `(c) demo task ("read these four files and summarise them"), this tree vs a copy with the switch flipped (prepared in ${prepared.toFixed(0)} s):`,
    );
    console.log(
      `    ${"".padEnd(20)}${`flag ${PARALLEL_TOOL_CALLS}`.padStart(10)}${`flag ${value}`.padStart(14)}${"ratio".padStart(12)}`,
    );
    console.log(row("model requests", here.requests, there.requests));
    console.log(row("tool calls", here.toolCalls, there.toolCalls));
    console.log(row("prompt tokens", here.promptTokens, there.promptTokens));
    console.log(row("completion tokens", here.completionTokens, there.completionTokens));
  } finally {
    if (!flippedDir) rmSync(dir, { recursive: true, force: true });
  }
}

async function makeFlippedCopy(): Promise<{ dir: string; value: boolean }> {
  const modulePath = pathToFileURL(join(REPO_ROOT, "scripts", "lib", "flipped-copy.mjs")).href;
  const { createFlippedCopy } = (await import(modulePath)) as { createFlippedCopy: CreateFlippedCopy };
  return createFlippedCopy(REPO_ROOT, { quiet: true });
}
