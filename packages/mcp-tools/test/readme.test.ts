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

describe("README", () => {
  it("runs the example: the reference server's tools through runToolLoop, against a local model", {
    timeout: 120_000,
  }, async () => {
    const server = await startTestServer();
    server.setHandler(exampleModel);
    const code = readmeExamples(readFileSync(join(packageDir, "README.md"), "utf8"))[0] ?? "";
    const file = join(packageDir, `.readme-example-test-${process.pid}.mts`);
    try {
      // Against the sources; the root `check:readmes` runs it against the build.
      writeFileSync(
        file,
        code.replace('"@parallel-tool-calls/mcp-tools"', JSON.stringify(join(packageDir, "src", "index.ts"))),
      );
      const { stdout } = await run(tsx, [file], {
        cwd: packageDir,
        encoding: "utf8",
        env: { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "sk-example" },
      });
      const lines = stdout.trim().split("\n");
      expect(lines[0]).toBe("mcp--everything--echo, mcp--everything--get-sum");
      expect(lines).toContain("mcp--everything--echo: ok Echo: example");
      if (PARALLEL_TOOL_CALLS) expect(lines).toContain("mcp--everything--get-sum: ok The sum of 1 and 1 is 2.");
      expect(lines.at(-1)).toBe("completed");
    } finally {
      rmSync(file, { force: true });
      await server.close();
    }
  });
});
