import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { exampleModel, readmeExamples, startTestServer } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = join(packageDir, "..", "..", "node_modules", ".bin", "tsx");
const run = promisify(execFile);

/** Runs README block `index` against the sources (the root `check:readmes` runs it against the build). */
async function runExample(index: number, env: Record<string, string> = {}): Promise<string> {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const code = readmeExamples(readme)[index];
  expect(code).toBeDefined();
  const entry = join(packageDir, "src", "index.ts");
  // In the package folder, so that the example's other imports resolve as they do for the check.
  const file = join(packageDir, `.readme-example-test-${process.pid}-${index}.mts`);
  try {
    writeFileSync(file, (code as string).replace('"@parallel-tool-calls/sequential-executor"', JSON.stringify(entry)));
    // Asynchronous, so that a server in this process keeps answering the example.
    const { stdout } = await run(tsx, [file], { cwd: packageDir, encoding: "utf8", env: { ...process.env, ...env } });
    return stdout;
  } finally {
    rmSync(file, { force: true });
  }
}

describe("README", () => {
  it("runs the turn-and-loop example against a local server", { timeout: 30_000 }, async () => {
    const server = await startTestServer();
    server.setHandler(exampleModel);
    try {
      const out = await runExample(0, { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "sk-example" });
      expect(out).toContain("started read_file (call_example_1)");
      expect(out).toContain(
        PARALLEL_TOOL_CALLS ? "tool_calls call_example_1: ok, call_example_2: ok" : "tool_calls call_example_1: ok",
      );
      expect(out).toContain('completed 1 request(s) "Hello from the local example model."');
      expect(out).toContain("user → assistant → user → assistant");
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("runs the executor example and prints what it promises", { timeout: 30_000 }, async () => {
    const out = await runExample(1);
    expect(out).toContain("call_1: ok");
    expect(out).toContain(`call_2: ${PARALLEL_TOOL_CALLS ? "invalid" : "single_tool_limit"}`);
    expect(out).toContain('"tool_use_id": "call_1"');
    expect(out).toContain("finished call_2");
  });
});
