import { createRequire } from "node:module";
import { runToolLoop, type ToolProgress, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { connectMcpServers } from "../src/index.js";
import { answerResponse, callsResponse, handlerFor, useToolSets } from "./helpers.js";

const model = useServer();
const track = useToolSets();
// Installed from npm as a devDependency and started from node_modules: no network at run time.
const everything = createRequire(import.meta.url).resolve("@modelcontextprotocol/server-everything/dist/index.js");

// Each test starts real server processes: generous on a loaded machine.
describe("a published reference server (@modelcontextprotocol/server-everything) through runToolLoop", {
  timeout: 90_000,
}, () => {
  it("maps its text, image, structured and progress-reporting tools into results", async () => {
    const mcp = track(
      await connectMcpServers([
        {
          name: "everything",
          command: process.execPath,
          args: [everything, "stdio"],
          include: ["echo", "get-sum", "get-tiny-image", "get-structured-content", "trigger-long-running-operation"],
        },
      ]),
    );
    expect(mcp.tools.map((t) => t.name)).toEqual([
      "mcp--everything--echo",
      "mcp--everything--get-structured-content",
      "mcp--everything--get-sum",
      "mcp--everything--get-tiny-image",
      "mcp--everything--trigger-long-running-operation",
    ]);
    model.server.enqueue(
      callsResponse([
        { id: "c1", name: "mcp--everything--echo", args: { message: "hello" } },
        { id: "c2", name: "mcp--everything--get-sum", args: { a: 2, b: 3 } },
        { id: "c3", name: "mcp--everything--get-tiny-image", args: {} },
        { id: "c4", name: "mcp--everything--trigger-long-running-operation", args: { duration: 0.3, steps: 3 } },
        { id: "c5", name: "mcp--everything--get-structured-content", args: { location: "Chicago" } },
        { id: "c6", name: "mcp--everything--get-sum", args: { a: "two" } },
      ]),
      answerResponse("All five answered."),
    );
    const progress: ToolProgress[] = [];
    const result = await runToolLoop({
      handler: handlerFor(model.server),
      registry: new ToolRegistry(mcp.tools),
      systemPrompt: "test",
      task: "Use the tools.",
      parallelToolCalls: true, // about MCP, not the switch
      onProgress: (p) => progress.push(p),
    }).result;

    expect(result.status).toBe("completed");
    expect(result.requests).toBe(2);
    const [turn] = result.turns;
    expect(turn?.toolCalls.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "invalid"]);
    // What the model was sent back: the second request carries one tool message per call.
    const sent = (model.server.requests[1]?.body?.messages ?? []) as Array<{ role: string; content: unknown }>;
    const toolTexts = sent.filter((m) => m.role === "tool").map((m) => JSON.stringify(m.content));
    expect(toolTexts).toHaveLength(6);
    expect(toolTexts[0]).toContain("Echo: hello");
    expect(toolTexts[1]).toContain("5");
    expect(toolTexts[4]).toContain("temperature");
    // The image came back as an image after the results.
    expect(JSON.stringify(sent)).toContain("data:image/png;base64,");
    expect(progress.filter((p) => p.toolCallId === "c4").length).toBeGreaterThanOrEqual(1);
  });
});
