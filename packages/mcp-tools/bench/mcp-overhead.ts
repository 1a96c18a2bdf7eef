// Per-call overhead of an MCP call through mcp-tools (registry + executor) against calling the SDK
// client directly, and 1,000 calls in one turn end to end. The server is the project's MCP test
// server over stdio (a real child process) and its `noop` tool; ratios are measured in one run.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mcpTestServerArgs } from "@parallel-tool-calls/mcp-test-server";
import { OpenAICompatibleHandler } from "@parallel-tool-calls/provider-helpers";
import { runToolTurn, SequentialToolExecutor, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, startTestServer, toolCallChunks, usageChunk } from "@parallel-tool-calls/testing";
import { connectMcpServers } from "../src/index.js";

if (!PARALLEL_TOOL_CALLS) {
  // One call per turn with the switch off: there is no turn of 1,000 calls to measure.
  console.log("mcp-tools bench: skipped, PARALLEL_TOOL_CALLS is off");
  process.exit(0);
}

const CALLS = 1_000;
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

// The SDK client on its own: one awaited callTool after the other.
const client = new Client({ name: "bench", version: "0" });
await client.connect(new StdioClientTransport({ command: process.execPath, args: mcpTestServerArgs() }));
const direct = async () => {
  for (let i = 0; i < CALLS; i++) await client.callTool({ name: "noop", arguments: {} });
};

// The same calls as registry tools, through one executor (validation, queue, timers, result mapping).
const mcp = await connectMcpServers([{ name: "bench", command: process.execPath, args: mcpTestServerArgs() }]);
const registry = new ToolRegistry(mcp.tools);
const viaExecutor = async () => {
  const executor = new SequentialToolExecutor({ registry });
  for (let i = 0; i < CALLS; i++) {
    executor.handle({ type: "tool_call_start", id: `c${i}`, name: "mcp--bench--noop" });
    executor.handle({ type: "tool_call_end", id: `c${i}`, name: "mcp--bench--noop", arguments: "{}" });
  }
  executor.endStream();
  const results = await executor.done;
  if (results.some((r) => r.status !== "ok")) throw new Error("a call failed");
};

// A whole turn: the model (the local test server) streams 1,000 calls; each runs as it completes.
const server = await startTestServer();
const handler = new OpenAICompatibleHandler({
  apiProvider: "openai-compatible",
  openAiBaseUrl: server.baseUrl,
  openAiApiKey: "bench",
  openAiModelId: "bench/model",
});
const calls = Array.from({ length: CALLS }, (_, i) => ({ id: `call_${i}`, name: "mcp--bench--noop", arguments: "{}" }));
const turn = async () => {
  server.enqueue({
    kind: "stream",
    events: [
      ...toolCallChunks(calls, { fragmentSize: 64 }),
      { data: chunk({ finish_reason: "tool_calls" }) },
      { data: usageChunk({ prompt_tokens: 10, completion_tokens: 10 }) },
    ],
  });
  const result = await runToolTurn({
    handler,
    registry,
    systemPrompt: "bench",
    history: [{ role: "user", content: [{ type: "text", text: "go" }] }],
  }).result;
  if (result.results.length !== CALLS || result.results.some((r) => r.status !== "ok")) throw new Error("turn failed");
};

try {
  await direct(); // warm-up: JIT, the server's first calls
  await viaExecutor();
  const times = { direct: [] as number[], executor: [] as number[], turn: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.direct.push(await timed(direct));
    times.executor.push(await timed(viaExecutor));
    times.turn.push(await timed(turn));
  }
  const perCall = (ms: number) => `${((ms / CALLS) * 1000).toFixed(0)} µs/call`;
  const d = median(times.direct);
  const e = median(times.executor);
  const t = median(times.turn);
  console.log(`MCP noop over stdio, ${CALLS} sequential calls, median of ${ROUNDS} rounds`);
  console.log(`  SDK client directly:            ${d.toFixed(0)} ms (${perCall(d)})`);
  console.log(`  mcp-tools through the executor: ${e.toFixed(0)} ms (${perCall(e)})  ratio ${(e / d).toFixed(2)}×`);
  console.log(`    overhead per call: ${(((e - d) / CALLS) * 1000).toFixed(0)} µs`);
  console.log(
    `  one turn of ${CALLS} calls end to end (stream + parser + executor + MCP): ${t.toFixed(0)} ms (${perCall(t)})  ratio ${(t / d).toFixed(2)}× the direct calls`,
  );
} finally {
  await client.close();
  await mcp.close();
  await server.close();
}
