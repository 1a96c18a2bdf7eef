#!/usr/bin/env node
// Fails when the switch's value is written anywhere but its one marked line in temp-flags.
import { fileURLToPath } from "node:url";
import { checkFlagSource } from "./lib/flag-source.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { problems, flagValue } = checkFlagSource(root);
if (problems.length > 0) {
  console.error(`flag source check failed:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`flag source check: one marked line, PARALLEL_TOOL_CALLS = ${flagValue}`);
