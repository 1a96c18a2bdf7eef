import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { runReadmeExample } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";

describe("README example", () => {
  it("streams the calls of one turn from the server named in ANTHROPIC_BASE_URL, each complete on its block's end", async () => {
    const { lines, server } = await runReadmeExample(new URL("../README.md", import.meta.url), (s) => ({
      ANTHROPIC_BASE_URL: `http://127.0.0.1:${s.port}`,
      ANTHROPIC_API_KEY: "sk-ant-example",
    }));
    const calls = PARALLEL_TOOL_CALLS
      ? ["call complete: read_file", "call complete: list_files"]
      : ["call complete: read_file"];
    expect(lines).toEqual([...calls, expect.stringMatching(/^usage: \d+ in, 12 out$/)]);
    expect(server.requests[0]?.path).toBe("/v1/messages");
    expect(server.requests[0]?.body.tool_choice).toEqual({
      type: "auto",
      disable_parallel_tool_use: !PARALLEL_TOOL_CALLS,
    });
  });
});
