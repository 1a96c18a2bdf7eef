// The README example, run by test/readme-example.test.ts against the built package.

import { chunk, startTestServer, toolCallChunks, usageChunk } from "@parallel-tool-calls/testing";
import OpenAI from "openai";

const server = await startTestServer();
try {
  server.enqueue({
    kind: "stream",
    pacingMs: 5,
    events: [
      { data: chunk({ content: "Reading two files." }) },
      ...toolCallChunks([
        { id: "call_1", name: "read_file", arguments: '{"path":"a.ts"}' },
        { id: "call_2", name: "read_file", arguments: '{"path":"b.ts"}' },
      ]),
      { data: chunk({ finish_reason: "tool_calls" }) },
      { data: usageChunk({ prompt_tokens: 10, completion_tokens: 20 }) },
    ],
  });

  // maxRetries: 0 so that a scripted 429/500 is not retried into the next queued response.
  const client = new OpenAI({ baseURL: server.baseUrl, apiKey: "test-key", maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: "test/model",
    messages: [{ role: "user", content: "Read a.ts and b.ts" }],
    tools: [{ type: "function", function: { name: "read_file", parameters: { type: "object" } } }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const args = new Map();
  for await (const part of stream) {
    for (const call of part.choices[0]?.delta.tool_calls ?? []) {
      args.set(call.index, (args.get(call.index) ?? "") + (call.function?.arguments ?? ""));
    }
  }
  console.log([...args.values()].join(" "));
  console.log(server.requests[0].headers.authorization, server.requests[0].body.model);
} finally {
  await server.close();
}
