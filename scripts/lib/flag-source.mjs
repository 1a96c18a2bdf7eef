// Finds where the parallel-tool-calls switch is written. Shared by the flag check and the revert drill.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

// Assembled from parts so that this file is not itself a second occurrence of the marker.
export const FLAG_MARKER = ["kilocode", "temp", "parallel_tool_calls"].join("_");
export const FLAG_FILE = join("packages", "temp-flags", "src", "index.ts");
export const FLAG_LINE = /^export const PARALLEL_TOOL_CALLS: boolean = (true|false); \/\/ (\S+)$/;

const SKIP_DIRS = new Set(["node_modules", "dist", ".turbo", ".git", "coverage"]);
const CODE_FILE = /\.(?:[cm]?[jt]sx?|json)$/;
// A boolean literal written next to any spelling of the switch: the value must only come from the flag.
const LITERAL_VALUE =
  /\b(?:parallel_tool_calls|parallelToolCalls|PARALLEL_TOOL_CALLS)["']?\s*(?::\s*boolean\s*)?[:=]\s*(?:true|false)\b/;

function isTestFile(path) {
  return path.split(sep).includes("test") || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(path);
}

function* codeFiles(root, dir = root) {
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    const stats = statSync(path);
    if (stats.isDirectory()) yield* codeFiles(root, path);
    else if (CODE_FILE.test(entry)) yield relative(root, path);
  }
}

/**
 * Returns the problems found under `root`: the flag line must exist exactly once in temp-flags,
 * the marker must appear on no other code line, and no source (tests excepted: the drill runs them
 * in both states) may write the switch's value as a literal.
 */
export function checkFlagSource(root) {
  const problems = [];
  let flagValue;
  for (const file of codeFiles(root)) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      const isFlagFile = file === FLAG_FILE;
      if (line.includes(FLAG_MARKER)) {
        const match = FLAG_LINE.exec(line.trim());
        if (!isFlagFile || !match || match[2] !== FLAG_MARKER) problems.push(`${where}: marker outside the flag line`);
        else if (flagValue !== undefined) problems.push(`${where}: second flag line`);
        else flagValue = match[1] === "true";
      } else if (LITERAL_VALUE.test(line) && !isTestFile(file)) {
        problems.push(`${where}: literal value of the switch; import PARALLEL_TOOL_CALLS instead`);
      }
    });
  }
  if (flagValue === undefined) problems.push(`${FLAG_FILE}: the marked flag line is missing`);
  return { problems, flagValue };
}
