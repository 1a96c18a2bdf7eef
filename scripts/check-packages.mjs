#!/usr/bin/env node
// Checks what users would install: publint and are-the-types-wrong on every published package,
// then packs them and imports each tarball from a fresh project with both `import` and `require`.
// That project also depends on another `openai` 6.x than the repository's own (the packages take
// it as a peer): it must end up with exactly one copy, the one it chose.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const keep = process.argv.includes("--keep");

// Every command is bounded: a stalled registry or tool fails the check instead of hanging CI.
const COMMAND_TIMEOUT_MS = 5 * 60_000;

function sh(command, args, cwd) {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: COMMAND_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
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

/**
 * The newest `openai` release that the packages' peer range accepts and whose minor differs from
 * the one the repository pins for its own tests, so that sharing is tested across versions.
 */
function consumerOpenai(published) {
  const manifests = published.map(({ manifest }) => manifest).filter((m) => m.peerDependencies?.openai);
  const ranges = [...new Set(manifests.map((m) => m.peerDependencies.openai))];
  const pins = [...new Set(manifests.map((m) => m.devDependencies?.openai))];
  if (ranges.length !== 1 || pins.length !== 1 || !pins[0]) {
    throw new Error(`packages disagree on openai: peer ranges ${ranges.join(", ")}, dev pins ${pins.join(", ")}`);
  }
  const minorOf = (version) => version.split(".").slice(0, 2).join(".");
  const listed = JSON.parse(sh("npm", ["view", `openai@${ranges[0]}`, "version", "--json"], tmpdir()));
  const numbers = (version) => version.split(".").map(Number);
  const newestFirst = (a, b) => numbers(b).reduce((order, n, i) => order || n - (numbers(a)[i] ?? 0), 0);
  const version = (Array.isArray(listed) ? listed : [listed])
    .filter((candidate) => !candidate.includes("-") && minorOf(candidate) !== minorOf(pins[0]))
    .sort(newestFirst)[0];
  if (!version) throw new Error(`no openai release in ${ranges[0]} other than ${pins[0]}'s minor`);
  return { version, repoVersion: pins[0] };
}

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

const openai = step("choose the consumer's openai", () => consumerOpenai(packages));
console.log(`consumer's openai: ${openai.version} (the repository tests with ${openai.repoVersion})`);

// A consumer project outside the workspace: every internal dependency resolves to a tarball.
const consumer = join(work, "consumer");
step("create consumer", () => sh("mkdir", ["-p", consumer], work));
writeFileSync(
  join(consumer, "package.json"),
  JSON.stringify(
    {
      name: "consumer",
      private: true,
      dependencies: { ...tarballs, openai: openai.version },
      overrides: tarballs,
    },
    null,
    2,
  ),
);
step("npm install tarballs", () =>
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts"], consumer),
);

// The peer must be shared: a second copy would mean the packages pin their own.
const copies = step("list openai copies", () => JSON.parse(sh("npm", ["query", "#openai"], consumer)));
const where = copies.map((copy) => `${copy.location} ${copy.version}`).join(", ");
if (copies.length !== 1 || copies[0].version !== openai.version) {
  console.error(`✗ expected one openai ${openai.version} in the consumer, found: ${where || "none"}`);
  process.exit(1);
}
console.log(`✓ one copy of openai in the consumer: ${where}`);

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
