#!/usr/bin/env node
// Reads a test run's log on stdin and prints one closing line over all packages:
// "N passed, N failed" (vitest prints one summary per package, turbo interleaves them).
import { readFileSync } from "node:fs";

const ESC = String.fromCharCode(27);
const log = readFileSync(0, "utf8").replaceAll(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");
let passed = 0;
let failed = 0;
let suites = 0;
for (const match of log.matchAll(/^\S*:test:\s+Tests\s+(.*)$/gm)) {
  suites++;
  passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
}
if (suites === 0) {
  console.error("no test summary found in the log");
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
