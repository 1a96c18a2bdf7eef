import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { runReadmeExample } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";

describe("README example", () => {
  it("completes each call on its item, then sends the reasoning item and one output per call back", async () => {
    const { lines, server } = await runReadmeExample(new URL("../README.md", import.meta.url), (s) => ({
      OPENAI_BASE_URL: s.baseUrl,
      OPENAI_API_KEY: "sk-example",
    }));
    const calls = PARALLEL_TOOL_CALLS
      ? [
          'call call_round0_0 complete: read_file {"path":"example"}',
          'call call_round0_1 complete: list_files {"path":"example"}',
        ]
      : ['call call_round0_0 complete: read_file {"path":"example"}'];
    expect(lines).toEqual([
      ...calls,
      expect.stringMatching(/^usage: \d+ in, \d+ out$/),
      "answer: Done after 1 tool round.",
    ]);
    // The strict server accepted the second request: the reasoning item came back as issued.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.input.filter((item: { type?: string }) => item.type === "reasoning")).toHaveLength(
      1,
    );
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-example");
  });
});
