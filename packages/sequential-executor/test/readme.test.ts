import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = join(packageDir, "..", "..", "node_modules", ".bin", "tsx");

// The README example, run against the sources (the root `check:readmes` runs it against the build).
describe("README", () => {
  it("runs its example and prints what it promises", { timeout: 30_000 }, () => {
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    const code = /```ts runnable\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const entry = join(packageDir, "src", "index.ts");
    const dir = mkdtempSync(join(tmpdir(), "sequential-executor-readme-"));
    try {
      const file = join(dir, "example.mts");
      writeFileSync(
        file,
        (code as string).replace('"@parallel-tool-calls/sequential-executor"', JSON.stringify(entry)),
      );
      const out = execFileSync(tsx, [file], { cwd: packageDir, encoding: "utf8" });
      expect(out).toContain("call_1: ok");
      expect(out).toContain(`call_2: ${PARALLEL_TOOL_CALLS ? "invalid" : "single_tool_limit"}`);
      expect(out).toContain('"tool_use_id": "call_1"');
      expect(out).toContain("finished call_2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
