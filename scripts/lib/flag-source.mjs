// Finds where the parallel-tool-calls switch is written. Shared by the flag check and the revert drill.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";

// Assembled from parts so that this file is not itself a second occurrence of the marker.
export const FLAG_MARKER = ["kilocode", "temp", "parallel_tool_calls"].join("_");
export const FLAG_FILE = join("packages", "temp-flags", "src", "index.ts");
export const FLAG_LINE = /^export const PARALLEL_TOOL_CALLS: boolean = (true|false); \/\/ (\S+)$/;

const CODE_FILE = /\.(?:[cm]?[jt]sx?|json)$/;
// A boolean literal written next to any spelling of the switch: the value must only come from the flag.
const LITERAL_VALUE =
  /\b(?:parallel_tool_calls|parallelToolCalls|PARALLEL_TOOL_CALLS)["']?\s*(?::\s*boolean\s*)?[:=]\s*(?:true|false)\b/;

function isTestFile(path) {
  return path.split(sep).includes("test") || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(path);
}

/** The code files git knows of in `root` (tracked, or untracked and not ignored), relative to it. */
export function codeFiles(root) {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return listed
    .split("\0")
    .filter((file) => CODE_FILE.test(file) && existsSync(join(root, file)))
    .map((file) => file.split("/").join(sep));
}

/**
 * Returns the problems found in `files` under `root` (default: the code files git lists there):
 * the flag line must exist exactly once in temp-flags, the marker must appear on no other code
 * line, and no source (tests excepted: the drill runs them in both states) may write the switch's
 * value as a literal.
 */
export function checkFlagSource(root, files = codeFiles(root)) {
  const problems = [];
  let flagValue;
  for (const file of files) {
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
