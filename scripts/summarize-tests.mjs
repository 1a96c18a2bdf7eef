#!/usr/bin/env node
// Prints one closing line over every workspace package's test run ("tests: N passed, N failed"),
// from the JSON report vitest writes for each (see vitest.shared.mts), and exits non-zero when a
// package has no report, a test failed or none ran.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const REPORT = join(".test-results", "vitest.json");
const packages = JSON.parse(
  execFileSync("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" }),
);
let passed = 0;
let failed = 0;
const missing = [];
for (const pkg of packages) {
  const manifest = JSON.parse(readFileSync(join(pkg.path, "package.json"), "utf8"));
  if (pkg.path === root || !manifest.scripts?.test) continue;
  const file = join(pkg.path, REPORT);
  if (!existsSync(file)) {
    missing.push(pkg.name);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
}
if (missing.length > 0) console.error(`no test report for ${missing.join(", ")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 || missing.length > 0 ? 1 : 0);
