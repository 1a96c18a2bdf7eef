import type { MessageParam, ToolResultBlockParam, ToolUseBlockParam } from "@parallel-tool-calls/core-metadata";
import { buildCreateMessageMetadata } from "@parallel-tool-calls/core-metadata";
import { buildApiHandler } from "@parallel-tool-calls/providers";
import { type AnyTool, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { chunk, type TestServer, usageChunk } from "@parallel-tool-calls/testing";
import { expect } from "vitest";
import { SYSTEM_PROMPT, sampleWorkspaceDir } from "../src/demo-task.js";
import { Workspace } from "../src/tools/workspace.js";
import { WorkspaceError } from "../src/tools/workspace-error.js";
import { createWorkspaceTools } from "../src/tools/workspace-tools.js";

export function handlerFor(server: TestServer) {
  return buildApiHandler({
    apiProvider: "openrouter",
    openRouterBaseUrl: server.baseUrl,
    openRouterApiKey: "test-key",
    openRouterModelId: "test/model",
  });
}

export async function sampleRegistry(extra: AnyTool[] = []): Promise<ToolRegistry> {
  const workspace = await Workspace.open(sampleWorkspaceDir());
  return new ToolRegistry([...createWorkspaceTools(workspace), ...extra]);
}

/** Every tool_use of an assistant message has exactly one tool_result in the next message, and nothing else does. */
export function expectOneResultPerCall(history: MessageParam[]): void {
  history.forEach((message, i) => {
    if (message.role !== "assistant" || typeof message.content === "string") return;
    const calls = message.content.filter((b): b is ToolUseBlockParam => b.type === "tool_use").map((b) => b.id);
    if (calls.length === 0) return;
    const next = history[i + 1];
    expect(next?.role).toBe("user");
    const results =
      next && typeof next.content !== "string"
        ? next.content.filter((b): b is ToolResultBlockParam => b.type === "tool_result").map((b) => b.tool_use_id)
        : [];
    expect([...results].sort()).toEqual([...calls].sort());
  });
}

/** Sends the saved history as the next request; the test server rejects it with 400 if it is invalid. */
export async function sendNextRequest(server: TestServer, history: MessageParam[], registry: ToolRegistry) {
  server.enqueue({
    kind: "stream",
    events: [{ data: chunk({ content: "ok" }) }, { data: usageChunk({ prompt_tokens: 1, completion_tokens: 1 }) }],
  });
  const metadata = buildCreateMessageMetadata({ taskId: "next", tools: registry.toOpenAITools() });
  let text = "";
  for await (const part of handlerFor(server).createMessage(SYSTEM_PROMPT, history, metadata)) {
    if (part.type === "text") text += part.text;
  }
  const request = server.requests.at(-1);
  return { text, body: request?.body };
}

/** Awaits a workspace operation that must be refused, and returns its typed error. */
export async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}
