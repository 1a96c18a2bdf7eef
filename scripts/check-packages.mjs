#!/usr/bin/env node
// Checks what users would install: publint and are-the-types-wrong on every published package,
// then packs them and imports each tarball from a fresh project with both `import` and `require`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const keep = process.argv.includes("--keep");

function sh(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function step(label, fn) {
  try {
    return fn();
  } catch (error) {
    console.error(`✗ ${label}\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
    process.exit(1);
  }
}

const packages = readdirSync(join(root, "packages"))
  .map((name) => ({
    dir: join(root, "packages", name),
    manifest: JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")),
  }))
  .filter(({ manifest }) => !manifest.private);

const work = mkdtempSync(join(tmpdir(), "ptc-packages-"));
const tarballs = {};
for (const { dir, manifest } of packages) {
  step(`publint ${manifest.name}`, () => sh("pnpm", ["exec", "publint", "--strict", dir], root));
  const packed = step(`pnpm pack ${manifest.name}`, () => sh("pnpm", ["pack", "--pack-destination", work], dir));
  const tarball = packed.trim().split("\n").pop().trim();
  // node16 profile: the packages need Node 20, and `node10` resolution (old TypeScript
  // `moduleResolution: "node"`) cannot see subpath entries such as `/internal` at all.
  step(`attw ${manifest.name}`, () =>
    sh("pnpm", ["exec", "attw", "--profile", "node16", "--format", "table-flipped", tarball], root),
  );
  tarballs[manifest.name] = `file:${tarball}`;
  console.log(`✓ ${manifest.name}: publint, are-the-types-wrong, packed`);
}

// A consumer project outside the workspace: every internal dependency resolves to a tarball.
const consumer = join(work, "consumer");
step("create consumer", () => sh("mkdir", ["-p", consumer], work));
writeFileSync(
  join(consumer, "package.json"),
  JSON.stringify({ name: "consumer", private: true, dependencies: tarballs, overrides: tarballs }, null, 2),
);
step("npm install tarballs", () =>
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts"], consumer),
);

for (const name of Object.keys(tarballs)) {
  const esm = `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error("no exports"); console.log(Object.keys(m).length);`;
  const cjs = `const m = require(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error("no exports"); console.log(Object.keys(m).length);`;
  const viaImport = step(`import ${name}`, () => sh("node", ["--input-type=module", "-e", esm], consumer)).trim();
  const viaRequire = step(`require ${name}`, () => sh("node", ["-e", cjs], consumer)).trim();
  if (viaImport !== viaRequire) {
    console.error(`✗ ${name}: import sees ${viaImport} exports, require sees ${viaRequire}`);
    process.exit(1);
  }
  console.log(`✓ ${name}: ${viaImport} exports through import and require`);
}

const flag = `const a = await import("@parallel-tool-calls/temp-flags"); const b = require("@parallel-tool-calls/temp-flags"); if (a.PARALLEL_TOOL_CALLS !== b.PARALLEL_TOOL_CALLS) throw new Error("ESM and CJS disagree");`;
step("flag agrees across formats", () =>
  sh(
    "node",
    [
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module"; const require = createRequire(process.cwd() + "/"); ${flag}`,
    ],
    consumer,
  ),
);
console.log(`package checks passed for ${packages.length} packages`);
if (!keep) rmSync(work, { recursive: true, force: true });
