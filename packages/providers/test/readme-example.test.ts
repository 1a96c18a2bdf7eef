import { runReadmeExample } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";

describe("README example", () => {
  it("builds the OpenAI-compatible handler from the settings and streams its answer", async () => {
    const { lines, server } = await runReadmeExample(new URL("../README.md", import.meta.url), (s) => ({
      OPENAI_BASE_URL: s.baseUrl,
      OPENAI_API_KEY: "sk-example",
    }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scripted-model: \S/);
    expect(server.requests[0]?.body.model).toBe("scripted-model");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-example");
  });
});
