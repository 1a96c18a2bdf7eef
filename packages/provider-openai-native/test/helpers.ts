import type { ApiStreamChunk, ChatCompletionTool, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { TestServer } from "@parallel-tool-calls/testing";
import { OpenAiNativeHandler, type OpenAiNativeHandlerOptions } from "../src/index.js";

export { collect, collectUntilError, useServer, waitFor } from "@parallel-tool-calls/testing/vitest";

/** A key that must never show up in any output. */
export const SECRET_KEY = "sk-proj-SECRET0123456789abcdefSECRET";

export const tool = (name: string): ChatCompletionTool => ({
  type: "function",
  function: {
    name,
    description: `${name} in the workspace`,
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
});

export const TOOLS = [tool("read_file"), tool("list_files"), tool("search_files")];

export function handlerFor(
  server: TestServer,
  settings: ProviderSettings = {},
  options: OpenAiNativeHandlerOptions = {},
): OpenAiNativeHandler {
  return new OpenAiNativeHandler(
    { openAiNativeBaseUrl: server.baseUrl, openAiNativeApiKey: SECRET_KEY, apiModelId: "gpt-5.1", ...settings },
    // No re-sending: each scripted failure is what the test sees (retries are provider-helpers' own tests).
    { retry: { maxRetries: 0 }, ...options },
  );
}

/** The chunks of one kind, narrowed. */
export function ofType<T extends ApiStreamChunk["type"]>(
  chunks: readonly ApiStreamChunk[],
  type: T,
): Extract<ApiStreamChunk, { type: T }>[] {
  return chunks.filter((chunk): chunk is Extract<ApiStreamChunk, { type: T }> => chunk.type === type);
}

/** Joined text of the `text` or `reasoning` chunks. */
export function textOf(chunks: readonly ApiStreamChunk[], type: "text" | "reasoning"): string {
  return ofType(chunks, type)
    .map((chunk) => chunk.text)
    .join("");
}

/** Each call's id, name and whole arguments, from the raw fragments, by index. */
export function callsOf(
  chunks: readonly ApiStreamChunk[],
): Array<{ index: number; id: string; name: string; arguments: string }> {
  const calls = new Map<number, { index: number; id: string; name: string; arguments: string }>();
  for (const chunk of ofType(chunks, "tool_call_partial")) {
    const index = chunk.index as number;
    const call = calls.get(index) ?? { index, id: "", name: "", arguments: "" };
    if (typeof chunk.id === "string") call.id = chunk.id;
    if (typeof chunk.name === "string" && chunk.name !== "") call.name = chunk.name;
    if (typeof chunk.arguments === "string") call.arguments += chunk.arguments;
    calls.set(index, call);
  }
  return [...calls.values()];
}
