import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ToolContext } from "@parallel-tool-calls/sequential-executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleWorkspaceDir } from "../src/demo-task.js";
import { listWorkspaceFiles } from "../src/tools/list-files.js";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { Workspace } from "../src/tools/workspace.js";
import { createWorkspaceTools } from "../src/tools/workspace-tools.js";
import { refusal } from "./helpers.js";

// Patterns a hostile model (or a prompt injection in a file it read) might send. With a backtracking
// engine each of these blocks the event loop for seconds to forever; here each is linear or refused.
let base: string;
let workspace: Workspace;
const LONG_NAME = `${"a".repeat(200)}.txt`;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-search-"));
  await mkdir(join(base, "many"));
  await writeFile(join(base, LONG_NAME), `${"word ".repeat(4000)}!\n`);
  await writeFile(join(base, "long-line.txt"), `${"x".repeat(5000)}needle\n`);
  for (let i = 0; i < 60; i++) await writeFile(join(base, "many", `f${String(i).padStart(2, "0")}.txt`), "needle\n");
  workspace = await Workspace.open(base);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("search_files against catastrophic patterns", () => {
  it("runs the nested-quantifier pattern on the sample README in linear time", async () => {
    const sample = await Workspace.open(sampleWorkspaceDir());
    await expect(searchWorkspaceFiles(sample, { regex: "^(\\S+\\s*)*\\d$", file_pattern: "README.md" })).resolves.toBe(
      "(no matches)",
    );
  });

  it("runs it on a 20 000-character adversarial line too", async () => {
    await expect(searchWorkspaceFiles(workspace, { regex: "^(\\w+\\s?)*$", file_pattern: "a*.txt" })).resolves.toBe(
      "(no matches)",
    );
  });

  it("matches file names with exponential glob patterns in linear time", async () => {
    // `*{,}` twelve times means `*`: every file, found without backtracking through empty alternatives.
    const everything = await searchWorkspaceFiles(workspace, { regex: "needle", file_pattern: "*" });
    expect(everything.split("\n")).toHaveLength(61);
    await expect(searchWorkspaceFiles(workspace, { regex: "needle", file_pattern: "*{,}".repeat(12) })).resolves.toBe(
      everything,
    );
    for (const file_pattern of [`${"*a".repeat(14)}*b`, "{a,aa}".repeat(20)]) {
      await expect(searchWorkspaceFiles(workspace, { regex: "needle", file_pattern })).resolves.toBe("(no matches)");
    }
  });

  it.each([
    ["(?=needle)", "invalid or unsupported Perl syntax"],
    ["(a)\\1", "invalid escape sequence"],
    ["a{1001}", "invalid repeat count"],
    ["(", "missing closing )"],
  ])("refuses %s as INVALID_REGEX, saying why", async (regex, reason) => {
    const error = await refusal(searchWorkspaceFiles(workspace, { regex }));
    expect(error.code).toBe("INVALID_REGEX");
    expect(error.message).toContain("RE2 syntax");
    expect(error.message).toContain(reason);
  });

  it("refuses patterns over the length or cost limit", async () => {
    const long = await refusal(searchWorkspaceFiles(workspace, { regex: "a".repeat(1001) }));
    expect(long.message).toBe("regex is 1001 characters, more than the 1000-character limit");
    const costly = await refusal(
      searchWorkspaceFiles(workspace, { regex: "(\\w{1000}|\\d{1000}|\\s{1000}|.{1000}|a{1000}|b{1000})" }),
    );
    expect(costly.code).toBe("INVALID_REGEX");
    expect(costly.message).toMatch(/too complex \(RE2 program size \d+, limit 5000\)/);
  });

  it("refuses globs over the length limit or outside what RE2 can run", async () => {
    expect((await refusal(searchWorkspaceFiles(workspace, { regex: "x", file_pattern: "*".repeat(257) }))).code).toBe(
      "INVALID_GLOB",
    );
    const lookaround = await refusal(searchWorkspaceFiles(workspace, { regex: "x", file_pattern: "(?!a)*.txt" }));
    expect(lookaround.code).toBe("INVALID_GLOB");
    expect(lookaround.message).toContain("unsupported glob syntax");
  });
});

describe("search_files bounds", () => {
  it("searches a line longer than the per-line work budget in its first part, and says so", async () => {
    const limits = { maxLineWork: 1000 };
    const cut = await searchWorkspaceFiles(workspace, { regex: "needle", file_pattern: "long-line.txt" }, { limits });
    expect(cut).toMatch(/^\(no matches\)\n\(1 lines longer than \d+ characters were searched in their first \d+\)$/);
    const start = await searchWorkspaceFiles(workspace, { regex: "^x", file_pattern: "long-line.txt" }, { limits });
    expect(start.split("\n")[0]).toMatch(/^long-line\.txt:1: x+$/);
  });

  it("stops at the time budget with a partial answer instead of running on", async () => {
    const answer = await searchWorkspaceFiles(workspace, { regex: "needle" }, { limits: { timeBudgetMs: 0 } });
    expect(answer.split("\n").at(-1)).toBe("(stopped after the 0 ms time limit; results are partial)");
  });

  it("stops at the match limit and at the output byte limit", async () => {
    const byCount = await searchWorkspaceFiles(
      workspace,
      { regex: "needle", path: "many" },
      { limits: { maxSearchMatches: 5 } },
    );
    expect(byCount.split("\n")).toHaveLength(6);
    expect(byCount.split("\n").at(-1)).toBe("(stopped after 5 matches)");
    const byBytes = await searchWorkspaceFiles(
      workspace,
      { regex: "needle", path: "many" },
      { limits: { maxOutputBytes: 100 } },
    );
    const lines = byBytes.split("\n");
    expect(Buffer.byteLength(lines.slice(0, -1).join("\n"))).toBeLessThanOrEqual(100);
    expect(lines.at(-1)).toBe(`(stopped at the 100-byte output limit after ${lines.length - 1} matches)`);
  });
});

describe("the abort signal", () => {
  it("is honoured before any work by every tool", async () => {
    const signal = AbortSignal.abort();
    for (const call of [
      readWorkspaceFile(workspace, { path: "long-line.txt" }, { signal }),
      listWorkspaceFiles(workspace, {}, { signal }),
      searchWorkspaceFiles(workspace, { regex: "needle" }, { signal }),
    ]) {
      expect((await refusal(call)).code).toBe("ABORTED");
    }
  });

  it("stops a search that is under way", async () => {
    const controller = new AbortController();
    const search = searchWorkspaceFiles(workspace, { regex: "needle" }, { signal: controller.signal });
    setImmediate(() => controller.abort());
    const error = await refusal(search);
    expect(error.code).toBe("ABORTED");
    expect(error.message).toBe("search_files was aborted");
  });

  it("reaches the tools from the executor's context", async () => {
    const ctx: ToolContext = {
      toolCallId: "c1",
      signal: AbortSignal.abort(),
      reportProgress: () => undefined,
      reportResult: () => undefined,
    };
    for (const tool of createWorkspaceTools(workspace)) {
      const input = tool.name === "search_files" ? { regex: "x" } : tool.name === "read_file" ? { path: "a" } : {};
      expect((await refusal(Promise.resolve(tool.execute(input, ctx)))).code).toBe("ABORTED");
    }
  });
});
