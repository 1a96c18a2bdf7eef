import type { ChatCompletionTool, MessageParam } from "@parallel-tool-calls/core-metadata";

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
