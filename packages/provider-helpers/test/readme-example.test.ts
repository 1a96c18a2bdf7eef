import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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
  it("prints the tool fields and the answer of the server named in OPENAI_BASE_URL", async () => {
    const server = await startTestServer();
    server.setHandler(exampleModel);
    vi.stubEnv("OPENAI_BASE_URL", server.baseUrl);
    vi.stubEnv("OPENAI_API_KEY", "sk-example");
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
    expect(lines).toEqual(["model,tools,tool_choice,parallel_tool_calls", "Hello from the local example model."]);
    // The server validated the pair; both sides carry the same sanitised id.
    const messages = server.requests[0]?.body.messages;
    expect(messages[2].tool_calls[0].id).toBe("functions_read_file_0");
    expect(messages[3].tool_call_id).toBe("functions_read_file_0");
  });
});
