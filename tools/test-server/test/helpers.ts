import OpenAI from "openai";
import { afterEach, beforeEach } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";

/** Starts a fresh server before each test of the calling file and closes it afterwards. */
export function useServer(options?: Parameters<typeof startTestServer>[0]): { readonly server: TestServer } {
  const holder: { server?: TestServer } = {};
  beforeEach(async () => {
    holder.server = await startTestServer(options);
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

/** A real SDK client; retries off so each request consumes exactly one scripted response. */
export function sdkClient(server: TestServer, apiKey = "sk-test-key"): OpenAI {
  return new OpenAI({ baseURL: server.baseUrl, apiKey, maxRetries: 0 });
}

export const userOnly = [{ role: "user" as const, content: "hi" }];

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
