import type { ChatCompletionTool, MessageParam, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { TestServer } from "@parallel-tool-calls/testing";

export { collect, collectUntilError, useServer, waitFor } from "@parallel-tool-calls/testing/vitest";

export const readFileTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "read_file",
    description: "Read a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
};

export const hello: MessageParam[] = [{ role: "user", content: "hello" }];

export const TEST_KEY = "sk-ant-test-key-0123456789";

/** Settings for the local server: the SDK appends `/v1/messages` to the base URL itself. */
export function localSettings(server: TestServer, extra: ProviderSettings = {}): ProviderSettings {
  return {
    apiProvider: "anthropic",
    anthropicBaseUrl: `http://127.0.0.1:${server.port}`,
    apiKey: TEST_KEY,
    apiModelId: "claude-sonnet-4-5",
    ...extra,
  };
}
