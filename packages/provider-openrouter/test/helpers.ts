import type { ApiStreamChunk, ChatCompletionTool, MessageParam } from "@parallel-tool-calls/core-metadata";
import { startTestServer, type TestServer } from "@parallel-tool-calls/test-server";
import { afterEach, beforeEach } from "vitest";

/** Starts a fresh local server before each test of the calling file and closes it afterwards. */
export function useServer(): { readonly server: TestServer } {
  const holder: { server?: TestServer } = {};
  beforeEach(async () => {
    holder.server = await startTestServer();
  });
  afterEach(async () => {
    await holder.server?.close();
  });
  return {
    get server() {
      if (!holder.server) throw new Error("server not started");
      return holder.server;
    },
  };
}

export async function collect(stream: AsyncIterable<ApiStreamChunk>): Promise<ApiStreamChunk[]> {
  const chunks: ApiStreamChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** Collects until the stream throws; returns what arrived and the error. */
export async function collectUntilError(
  stream: AsyncIterable<ApiStreamChunk>,
): Promise<{ chunks: ApiStreamChunk[]; error: unknown }> {
  const chunks: ApiStreamChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  throw new Error(`stream ended without an error after ${chunks.length} chunks`);
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const readFileTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "read_file",
    description: "Read a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
};

export const hello: MessageParam[] = [{ role: "user", content: "hello" }];
