import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleModel, startTestServer, type TestServer } from "../src/index.js";

const tools = ["read_file", "list_files"].map((name) => ({
  type: "function" as const,
  function: { name, parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } },
}));

let server: TestServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startTestServer();
  server.setHandler(exampleModel);
  client = new OpenAI({ baseURL: server.baseUrl, apiKey: "sk-test", maxRetries: 0 });
});
afterAll(() => server.close());

async function collect(body: OpenAI.Chat.ChatCompletionCreateParamsStreaming) {
  const calls = new Map<number, { id?: string; name?: string; args: string }>();
  let text = "";
  for await (const part of await client.chat.completions.create(body)) {
    const delta = part.choices[0]?.delta;
    text += delta?.content ?? "";
    for (const call of delta?.tool_calls ?? []) {
      const entry = calls.get(call.index) ?? { args: "" };
      entry.id ??= call.id;
      entry.name ??= call.function?.name;
      entry.args += call.function?.arguments ?? "";
      calls.set(call.index, entry);
    }
  }
  return { text, calls: [...calls.values()] };
}

describe("exampleModel", () => {
  it("calls every tool in one turn when parallel calls are allowed, else only the first", async () => {
    const { calls } = await collect({
      model: "example",
      stream: true,
      messages: [{ role: "user", content: "go" }],
      tools,
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
    });
    expect(calls.map((c) => c.name)).toEqual(PARALLEL_TOOL_CALLS ? ["read_file", "list_files"] : ["read_file"]);
    for (const call of calls) expect(JSON.parse(call.args)).toEqual({ path: "example" });
  });

  it("answers with text once tool results are in the history", async () => {
    const { text, calls } = await collect({
      model: "example",
      stream: true,
      tools,
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "read_file", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "c1", content: "ok" },
      ],
    });
    expect(calls).toEqual([]);
    expect(text).toBe("Hello from the local example model.");
  });
});
