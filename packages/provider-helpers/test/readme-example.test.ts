import { runReadmeExample } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";

describe("README example", () => {
  it("prints the tool fields and the answer of the server named in OPENAI_BASE_URL", async () => {
    const { lines, server } = await runReadmeExample(new URL("../README.md", import.meta.url), (s) => ({
      OPENAI_BASE_URL: s.baseUrl,
      OPENAI_API_KEY: "sk-example",
    }));
    expect(lines).toEqual(["model,tools,tool_choice,parallel_tool_calls", "Hello from the local example model."]);
    // The server validated the pair; both sides carry the same sanitised id.
    const messages = server.requests[0]?.body.messages;
    expect(messages[2].tool_calls[0].id).toBe("functions_read_file_0");
    expect(messages[3].tool_call_id).toBe("functions_read_file_0");
  });
});
