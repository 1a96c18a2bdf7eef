import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { exampleModel, startTestServer } from "@parallel-tool-calls/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const example = /```ts runnable\n([\s\S]*?)```/.exec(readme)?.[1];
const file = fileURLToPath(new URL("./.readme-example.tmp.ts", import.meta.url));

afterEach(() => {
  rmSync(file, { force: true });
  vi.unstubAllEnvs();
});

describe("README example", () => {
  it("streams the tool calls of one turn from the server named in OPENROUTER_BASE_URL", async () => {
    const server = await startTestServer();
    server.setHandler(exampleModel);
    vi.stubEnv("OPENROUTER_BASE_URL", server.baseUrl);
    vi.stubEnv("OPENROUTER_API_KEY", "sk-or-example");
    expect(example).toBeDefined();
    writeFileSync(file, example ?? "");
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.join(" "));
    });
    try {
      await import(file);
    } finally {
      log.mockRestore();
      await server.close();
    }
    const calls = PARALLEL_TOOL_CALLS
      ? ["tool call call_example_1: read_file", "tool call call_example_2: list_files"]
      : ["tool call call_example_1: read_file"];
    expect(lines).toEqual([
      `parallel_tool_calls: ${PARALLEL_TOOL_CALLS}`,
      ...calls,
      expect.stringMatching(/^usage: \d+ in, 12 out$/),
    ]);
    expect(server.requests[0]?.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-or-example");
  });
});
