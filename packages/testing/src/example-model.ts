import { chunk, toolCallChunks, usageChunk } from "./chunks.js";
import { exampleArguments } from "./example-arguments.js";
import { gptModel } from "./responses/gpt-model.js";
import { RESPONSES_PATH } from "./responses/responses-path.js";
import type { RecordedRequest, StreamResponse } from "./types.js";

interface WireTool {
  function?: { name?: string; parameters?: { required?: string[]; properties?: Record<string, { type?: string }> } };
}

/**
 * A scripted model for package examples: on a request with tools and no tool results yet it calls
 * every tool once (only the first when `parallel_tool_calls` is not true), with arguments filled
 * from each schema's required properties; any other request gets a short text answer. Usage
 * counts about one prompt token per four characters of history. On `POST /v1/responses` it plays
 * the same through `gptModel` (reasoning first, every tool once, then an answer).
 */
export function exampleModel(request: RecordedRequest): StreamResponse {
  if (request.path === RESPONSES_PATH) {
    // The same behaviour on the Responses API: every tool once (after reasoning), then an answer.
    const tools = Array.isArray(request.body?.tools) ? request.body.tools.length : 0;
    return gptModel({ rounds: [tools] })(request) as StreamResponse;
  }
  const body = request.body ?? {};
  const messages: Array<{ role?: string }> = Array.isArray(body.messages) ? body.messages : [];
  const tools: WireTool[] = Array.isArray(body.tools) ? body.tools : [];
  const usage = usageChunk({ prompt_tokens: Math.ceil(JSON.stringify(messages).length / 4), completion_tokens: 12 });
  const answered = messages.some((message) => message.role === "tool");
  if (tools.length === 0 || answered) {
    return {
      kind: "stream",
      events: [
        { data: chunk({ content: "Hello from the local " }) },
        { data: chunk({ content: "example model." }) },
        { data: chunk({ finish_reason: "stop" }) },
        { data: usage },
      ],
    };
  }
  const chosen = body.parallel_tool_calls === true ? tools : tools.slice(0, 1);
  const calls = chosen.map((tool, i) => ({
    id: `call_example_${i + 1}`,
    name: tool.function?.name ?? "unknown",
    arguments: JSON.stringify(exampleArguments(tool.function?.parameters)),
  }));
  return {
    kind: "stream",
    events: [
      ...toolCallChunks(calls, { fragmentSize: 6 }),
      { data: chunk({ finish_reason: "tool_calls" }) },
      { data: usage },
    ],
  };
}
