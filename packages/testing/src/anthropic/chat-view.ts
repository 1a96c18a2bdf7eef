import type { RecordedRequest } from "../types.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function textOf(content: unknown): string {
  return blocksOf(content)
    .map((block) => (typeof block.text === "string" ? block.text : ""))
    .join("\n");
}

/**
 * A Messages request as the equivalent Chat Completions request, so that any scripted chat model of
 * this server can play a Messages model: system blocks → a system message, tool_use blocks →
 * `tool_calls`, tool_result blocks → `tool` messages, tools → function tools, and
 * `parallel_tool_calls` = `!tool_choice.disable_parallel_tool_use` (absent without tools).
 */
export function chatViewOf(request: RecordedRequest): RecordedRequest {
  const body: Json = isObject(request.body) ? request.body : {};
  const messages: Json[] = [];
  const system = textOf(body.system);
  if (system !== "") messages.push({ role: "system", content: system });
  for (const message of Array.isArray(body.messages) ? body.messages.filter(isObject) : []) {
    const blocks = blocksOf(message.content);
    if (message.role === "assistant") {
      const calls = blocks
        .filter((b) => b.type === "tool_use")
        .map((b) => ({
          id: b.id,
          type: "function",
          function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) },
        }));
      messages.push({
        role: "assistant",
        content: textOf(blocks.filter((b) => b.type === "text")),
        ...(calls.length ? { tool_calls: calls } : {}),
      });
      continue;
    }
    for (const block of blocks.filter((b) => b.type === "tool_result")) {
      messages.push({ role: "tool", tool_call_id: block.tool_use_id, content: textOf(block.content ?? "") });
    }
    const text = textOf(blocks.filter((b) => b.type === "text"));
    if (text !== "") messages.push({ role: "user", content: text });
  }
  const chat: Json = { model: body.model, messages, stream: true };
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    chat.tools = body.tools.filter(isObject).map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
    }));
    const choice = isObject(body.tool_choice) ? body.tool_choice : {};
    chat.parallel_tool_calls = choice.disable_parallel_tool_use !== true;
  }
  const rawBody = JSON.stringify(chat);
  return { ...request, path: "/v1/chat/completions", url: "/v1/chat/completions", body: chat, rawBody };
}
