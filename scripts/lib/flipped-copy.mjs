// Builds a copy of the repository in which the parallel-tool-calls switch is flipped.
// Used by the revert drill and by the benchmark that compares both states.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { checkFlagSource, codeFiles, FLAG_FILE, FLAG_LINE } from "./flag-source.mjs";

const NOT_COPIED = new Set(["node_modules", "dist", ".turbo", ".git", "coverage", ".test-results"]);

export function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
}

/** Flips the one marked line in `dir` and returns the new value; throws unless exactly one line changed. */
export function flipFlag(dir) {
  const file = join(dir, FLAG_FILE);
  const lines = readFileSync(file, "utf8").split("\n");
  const indices = lines.flatMap((line, i) => (FLAG_LINE.test(line.trim()) ? [i] : []));
  if (indices.length !== 1) throw new Error(`expected one marked flag line in ${FLAG_FILE}, found ${indices.length}`);
  const i = indices[0];
  const current = FLAG_LINE.exec(lines[i].trim())[1] === "true";
  lines[i] = lines[i].replace(`= ${current};`, `= ${!current};`);
  writeFileSync(file, lines.join("\n"));
  return !current;
}

/**
 * Copies the work tree (without installs and build output), flips the switch, checks that the
 * flipped line is still the only place the value is written, installs from the lockfile using
 * the local store, and builds. Returns the copy's path and the flipped value.
 */
export function createFlippedCopy(root, { quiet = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ptc-revert-"));
  cpSync(root, dir, { recursive: true, filter: (src) => !NOT_COPIED.has(basename(src)) });
  const value = flipFlag(dir);
  // The copy has no .git: check the files git lists in the original, as they are in the copy.
  const { problems, flagValue } = checkFlagSource(dir, codeFiles(root));
  if (problems.length > 0 || flagValue !== value) {
    throw new Error(`flipped copy failed the flag source check:\n${problems.join("\n")}`);
  }
  const stdio = quiet ? "ignore" : "inherit";
  run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline", "--config.confirmModulesPurge=false"], {
    cwd: dir,
    stdio,
  });
  run("pnpm", ["turbo", "run", "build", "--output-logs=errors-only"], { cwd: dir, stdio });
  return { dir, value };
}
