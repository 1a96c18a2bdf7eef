import { SequentialToolExecutor } from "@parallel-tool-calls/sequential-executor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleWorkspaceDir } from "../src/demo-task.js";
import { Workspace } from "../src/tools/workspace.js";
import { WorkspaceError } from "../src/tools/workspace-error.js";
import { sampleRegistry } from "./helpers.js";

// One executor per call, so that every call runs whatever the parallel-tool-calls flag says.
async function runCalls(calls: Array<{ name: string; input: Record<string, unknown> }>) {
  const registry = await sampleRegistry();
  const results = [];
  for (const [i, c] of calls.entries()) {
    const executor = new SequentialToolExecutor({ registry });
    executor.handle({
      type: "tool_call_end",
      id: `c${i}`,
      name: c.name,
      arguments: JSON.stringify(c.input),
      input: c.input,
    });
    executor.endStream();
    results.push(...(await executor.done));
  }
  return results;
}

describe("the workspace tools through the executor", () => {
  it("answer real content, listings and matches, and refuse escapes as error results", async () => {
    const results = await runCalls([
      { name: "read_file", input: { path: "docs/decisions.md" } },
      { name: "list_files", input: { recursive: true } },
      { name: "search_files", input: { regex: "TODO", file_pattern: "*.txt" } },
      { name: "read_file", input: { path: "../package.json" } },
      { name: "search_files", input: { path: "src" } },
    ]);
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok", "error", "invalid"]);
    expect(results[0]?.content).toMatch(/^# Decisions/);
    expect(results[1]?.content.split("\n")).toContain("src/loans.ts");
    expect(results[2]?.content.split("\n")).toHaveLength(3);
    expect(results[3]?.content).toContain("outside the workspace");
    expect(results[4]?.content).toContain("regex");
  });
});

describe("confinement, for any path a model might send", () => {
  it("either resolves inside the workspace or is refused with a typed error", async () => {
    const workspace = await Workspace.open(sampleWorkspaceDir());
    const segment = fc.constantFrom("..", ".", "src", "docs", "README.md", "loans.ts", "/", "", "x", "..%2f");
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), fc.boolean(), async (parts, absolute) => {
        const path = `${absolute ? "/" : ""}${parts.join("/")}`;
        try {
          const resolved = await workspace.resolve(path);
          expect(workspace.contains(resolved.absolute)).toBe(true);
          expect(resolved.relative.startsWith("..")).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkspaceError);
          expect(["OUTSIDE_WORKSPACE", "NOT_FOUND"]).toContain((error as WorkspaceError).code);
        }
      }),
      { numRuns: 300 },
    );
  });
});
