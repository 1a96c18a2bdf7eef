import OpenAI from "openai";
import type { TestServer } from "../src/index.js";

export { collect, useServer, waitFor } from "../src/vitest.js";

/** A real SDK client; retries off so each request consumes exactly one scripted response. */
export function sdkClient(server: TestServer, apiKey = "sk-test-key"): OpenAI {
  return new OpenAI({ baseURL: server.baseUrl, apiKey, maxRetries: 0 });
}

export const userOnly = [{ role: "user" as const, content: "hi" }];
