#!/usr/bin/env node
// Revert drill: proves that flipping the one marked line turns the feature off everywhere.
// It flips the switch in a temporary copy, rebuilds, and runs the whole test suite there; tests
// take their expectations from the flag, so the same suite must pass in both states.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkFlagSource } from "./lib/flag-source.mjs";
import { createFlippedCopy, run } from "./lib/flipped-copy.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const keep = process.argv.includes("--keep");

const shipped = checkFlagSource(root);
if (shipped.problems.length > 0) {
  console.error(`revert drill: the shipped tree fails the flag source check:\n${shipped.problems.join("\n")}`);
  process.exit(1);
}

const started = Date.now();
const { dir, value } = createFlippedCopy(root);
try {
  console.log(`revert drill: switch flipped to ${value} in ${dir}; running the whole test suite there`);
  run("pnpm", ["turbo", "run", "test", "--output-logs=new-only"], { cwd: dir, env: { PTC_REVERT_DRILL: "1" } });
  run("node", ["scripts/summarize-tests.mjs"], { cwd: dir });
  console.log(
    `revert drill passed in ${Math.round((Date.now() - started) / 1000)} s: every test holds with the switch at ${value}`,
  );
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
