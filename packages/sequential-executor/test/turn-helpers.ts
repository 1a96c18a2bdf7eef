import type { ApiHandler, MessageParam } from "@parallel-tool-calls/core-metadata";
import { OpenAICompatibleHandler } from "@parallel-tool-calls/provider-helpers";
import {
  chunk,
  type ScriptedResponse,
  type SseEvent,
  type TestServer,
  toolCallChunks,
  usageChunk,
} from "@parallel-tool-calls/testing";
import { defineTool, type Tool, ToolRegistry } from "../src/index.js";

export const SYSTEM = "You are a careful coding agent.";
export const TASK: MessageParam[] = [{ role: "user", content: [{ type: "text", text: "Read the files." }] }];

/** A real handler for the local server, through the `openai` SDK. */
export function handlerFor(server: TestServer): ApiHandler {
  return new OpenAICompatibleHandler({
    apiProvider: "openai-compatible",
    openAiBaseUrl: server.baseUrl,
    openAiApiKey: "test-key",
    openAiModelId: "test/model",
  });
}

export interface CallSpec {
  id: string;
  name: string;
  args: unknown;
}

/** A tool-call response: the calls (fragmented like OpenAI), `finish_reason: tool_calls`, usage. */
export function callsResponse(calls: CallSpec[], options: { pacingMs?: number; text?: string } = {}): ScriptedResponse {
  const events: SseEvent[] = [];
  if (options.text !== undefined) events.push({ data: chunk({ content: options.text }) });
  events.push(
    ...toolCallChunks(
      calls.map((call) => ({
        id: call.id,
        name: call.name,
        arguments: typeof call.args === "string" ? call.args : JSON.stringify(call.args),
      })),
      { fragmentSize: 5 },
    ),
    { data: chunk({ finish_reason: "tool_calls" }) },
    { data: usageChunk({ prompt_tokens: 100, completion_tokens: 20 }) },
  );
  return { kind: "stream", events, ...(options.pacingMs !== undefined ? { pacingMs: options.pacingMs } : {}) };
}

/** One chunk carrying a whole call (id, name and arguments at once), as Groq or xAI stream it. */
export function wholeCallEvent(
  index: number,
  id: string,
  args: string,
  extra: { extra_content?: Record<string, unknown> } = {},
): SseEvent {
  return {
    data: chunk({
      tool_calls: [
        { index, id, type: "function", function: { name: "read_file", arguments: args }, ...extra } as never,
      ],
    }),
  };
}

export function answerResponse(text = "All done."): ScriptedResponse {
  return {
    kind: "stream",
    events: [
      { data: chunk({ content: text }) },
      { data: chunk({ finish_reason: "stop" }) },
      { data: usageChunk({ prompt_tokens: 150, completion_tokens: 5 }) },
    ],
  };
}

/** `read_file` with a required path; answers with the path it read. */
export function readFileTool(log: string[] = []): Tool<{ path: string }> {
  return defineTool<{ path: string }>({
    name: "read_file",
    description: "Read a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    execute: async (input, ctx) => {
      log.push(`run ${ctx.toolCallId}`);
      await new Promise((resolve) => setImmediate(resolve));
      return `contents of ${input.path}`;
    },
  });
}

export function registryOf(...tools: Tool<never>[]): ToolRegistry {
  return new ToolRegistry(tools as Tool<unknown>[]);
}

/**
 * Sends `history` as the next request and reports whether the server accepted it (its
 * OpenAI-style validation answers 400 for unanswered, duplicated or orphaned tool results).
 */
export async function nextRequestAccepted(
  server: TestServer,
  handler: ApiHandler,
  history: MessageParam[],
  registry: ToolRegistry,
): Promise<{ accepted: true } | { accepted: false; error: unknown }> {
  server.enqueue(answerResponse("Noted."));
  try {
    for await (const _ of handler.createMessage(SYSTEM, history, {
      taskId: "follow-up",
      tools: registry.toOpenAITools(),
      tool_choice: "auto",
      toolProtocol: "native",
    })) {
      // drain
    }
    return { accepted: true };
  } catch (error) {
    return { accepted: false, error };
  }
}
