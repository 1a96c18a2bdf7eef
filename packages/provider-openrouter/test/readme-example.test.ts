import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { runReadmeExample } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";

describe("README example", () => {
  it("streams the tool calls of one turn from the server named in OPENROUTER_BASE_URL", async () => {
    const { lines, server } = await runReadmeExample(new URL("../README.md", import.meta.url), (s) => ({
      OPENROUTER_BASE_URL: s.baseUrl,
      OPENROUTER_API_KEY: "sk-or-example",
    }));
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
