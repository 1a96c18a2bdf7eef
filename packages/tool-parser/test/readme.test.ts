import { readFileSync } from "node:fs";
import { readmeExamples } from "@parallel-tool-calls/testing";
import { afterEach, describe, expect, it, vi } from "vitest";

const here = new URL(".", import.meta.url);

describe("README example", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is the same code as examples/readme.ts", () => {
    const readme = readFileSync(new URL("../README.md", here), "utf8");
    const block = readmeExamples(readme)[0];
    expect(block).toBe(readFileSync(new URL("../examples/readme.ts", here), "utf8"));
  });

  it("runs and prints both ended calls and the MCP name", async () => {
    const lines: unknown[][] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args);
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // A computed specifier keeps tsc from resolving the package's own (possibly unbuilt) types.
    const example = "../examples/readme.ts";
    await import(/* @vite-ignore */ example);
    expect(lines).toEqual([
      ["call_1", "read_file", { path: "src/app.ts" }],
      ["call_2", "mcp__github__create_issue", { title: "Hi" }],
      [{ server: "github", tool: "create_issue" }],
    ]);
    expect(warn).not.toHaveBeenCalled();
  });
});
