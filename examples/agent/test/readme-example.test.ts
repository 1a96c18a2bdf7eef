import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

it("runs the README example and prints what its comments say", () => {
  const readme = readFileSync(`${packageDir}/README.md`, "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const file = `${packageDir}/.readme-example-agent.mts`;
  writeFileSync(file, code as string);
  try {
    const out = execFileSync(tsx, [file], { cwd: packageDir, encoding: "utf8", timeout: 60_000 });
    expect(out.trim().split("\n")).toEqual([
      `completed ${PARALLEL_TOOL_CALLS ? 2 : 5} 4`,
      "0",
      "Summary of the 4 files:",
    ]);
  } finally {
    rmSync(file, { force: true });
  }
}, 60_000);
