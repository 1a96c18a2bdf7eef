import type { ApiHandler, ApiStreamUsageChunk, MessageParam } from "@parallel-tool-calls/core-metadata";
import { OpenAICompatibleHandler } from "@parallel-tool-calls/provider-helpers";
import { KilocodeOpenrouterHandler, OpenRouterHandler } from "@parallel-tool-calls/provider-openrouter";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import {
  chunk,
  type RecordedRequest,
  type ScriptedResponse,
  STRICT_MODELS,
  type StrictModelId,
  startTestServer,
  strictModel,
  type TestServer,
  thoughtSignatureFor,
  toolCallChunks,
  usageChunk,
} from "@parallel-tool-calls/testing";
import { afterEach, describe, expect, it } from "vitest";
import { runAgent } from "../src/agent-loop.js";
import { DEMO_FILES, SYSTEM_PROMPT } from "../src/demo-task.js";
import { runCli } from "../src/main.js";
import { expectOneResultPerCall, sampleRegistry } from "./helpers.js";

// Three calls in one turn, then a second tool turn, then the answer. The ids are ones that a naive
// sanitiser maps to the same `call_1`, so the first turn also proves the id mapping collision-free.
const PLAN = [
  [
    { id: "call.1", name: "read_file", arguments: '{"path":"README.md"}' },
    { id: "call:1", name: "read_file", arguments: '{"path":"src/catalog.ts"}' },
    { id: "call 1", name: "list_files", arguments: '{"path":"src"}' },
  ],
  [{ id: "call.2", name: "search_files", arguments: '{"regex":"LOAN_DAYS"}' }],
];
// With the flag off the model makes one call per request.
const TURNS = PARALLEL_TOOL_CALLS ? PLAN : PLAN.flat().map((call) => [call]);
const CALLS = PLAN.flat().length;

type WireMessage = { role: string; content?: unknown; tool_calls?: Array<{ id: string }> };

/** The planned turn after the last user message, then an answer naming how many results it saw. */
function planModel(request: RecordedRequest): ScriptedResponse {
  const messages: WireMessage[] = request.body.messages;
  const since = messages.slice(messages.findLastIndex((m) => m.role === "user") + 1);
  const turn = since.filter((m) => m.role === "assistant").length;
  const usage = {
    data: usageChunk({ prompt_tokens: Math.ceil(JSON.stringify(messages).length / 4), completion_tokens: 9 }),
  };
  const calls = TURNS[turn];
  if (!calls) {
    const results = since.filter((m) => m.role === "tool").length;
    return {
      kind: "stream",
      events: [{ data: chunk({ content: `Done after ${results} results.`, finish_reason: "stop" }) }, usage],
    };
  }
  return {
    kind: "stream",
    events: [
      { data: chunk({ content: `Step ${turn + 1}.` }) },
      ...toolCallChunks(calls, { fragmentSize: 7 }),
      { data: chunk({ finish_reason: "tool_calls" }) },
      usage,
    ],
  };
}

// A conversation another model started: its call has no signature, no reasoning and a foreign id.
const EARLIER: MessageParam[] = [
  { role: "user", content: "What is in docs?" },
  {
    role: "assistant",
    content: [
      { type: "text", text: "Listing." },
      { type: "tool_use", id: "functions.list_files:0", name: "list_files", input: { path: "docs" } },
    ],
  },
  { role: "user", content: [{ type: "tool_result", tool_use_id: "functions.list_files:0", content: "decisions.md" }] },
  { role: "assistant", content: "docs holds decisions.md." },
];

function handlerFor(
  model: StrictModelId,
  server: TestServer,
  via: "openrouter" | "kilocode" = "openrouter",
): ApiHandler {
  if (STRICT_MODELS[model].route === "direct") {
    return new OpenAICompatibleHandler({ openAiBaseUrl: server.baseUrl, openAiApiKey: "k", openAiModelId: model });
  }
  if (via === "kilocode") {
    return new KilocodeOpenrouterHandler({ kilocodeBaseUrl: server.baseUrl, kilocodeToken: "t", kilocodeModel: model });
  }
  return new OpenRouterHandler({ openRouterBaseUrl: server.baseUrl, openRouterApiKey: "k", openRouterModelId: model });
}

/** Records the usage chunks a handler yields (the agent's summary keeps only input/output tokens). */
function observeUsage(handler: ApiHandler, seen: ApiStreamUsageChunk[]): ApiHandler {
  return {
    getModel: () => handler.getModel(),
    async *createMessage(...args) {
      for await (const part of handler.createMessage(...args)) {
        if (part.type === "usage") seen.push(part);
        yield part;
      }
    },
  };
}

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function runTask(model: StrictModelId, via?: "openrouter" | "kilocode") {
  const server = await startTestServer();
  servers.push(server);
  server.setHandler(strictModel(planModel));
  const usage: ApiStreamUsageChunk[] = [];
  const result = await runAgent({
    handler: observeUsage(handlerFor(model, server, via), usage),
    registry: await sampleRegistry(),
    systemPrompt: SYSTEM_PROMPT,
    history: EARLIER,
    task: "Look at the catalog and the loans.",
  });
  // Every request passed the strict model's checks: a rejected one is recorded but ends the run.
  expect(result.error).toBeUndefined();
  expect(result.status).toBe("completed");
  expect(result.requests).toBe(TURNS.length + 1);
  expect(server.requests).toHaveLength(result.requests);
  expect(result.turns.map((t) => t.toolCalls.length)).toEqual([...TURNS.map((t) => t.length), 0]);
  expect(result.finalText).toBe(`Done after ${CALLS} results.`);
  expectOneResultPerCall(result.history);
  const bodies = server.requests.map((r) => r.body);
  return { result, bodies, usage, last: bodies.at(-1) };
}

const assistants = (body: { messages: Array<Record<string, unknown>> }) =>
  body.messages.filter((m) => m.role === "assistant" && Array.isArray(m.tool_calls));

describe("multi-turn parallel tool use against strict models, through the matching handler", () => {
  it("Gemini 3 direct: each turn's signature comes back on its first call, exactly as issued", async () => {
    const { last } = await runTask("gemini-3-pro-preview");
    const turns = assistants(last).slice(1) as Array<{
      tool_calls: Array<{ function: { name: string; arguments: string }; extra_content?: unknown }>;
    }>;
    expect(turns).toHaveLength(TURNS.length);
    for (const message of turns) {
      const [first, ...rest] = message.tool_calls;
      expect(first?.extra_content).toEqual({
        google: { thought_signature: thoughtSignatureFor(first?.function.name ?? "", first?.function.arguments) },
      });
      for (const call of rest) expect(call.extra_content).toBeUndefined();
    }
  });

  it("Gemini via OpenRouter: reasoning_details go back with each message; the earlier model's turn gets one placeholder", async () => {
    const { last, result } = await runTask("google/gemini-3-pro-preview");
    const [earlier, ...turns] = assistants(last) as Array<{
      tool_calls: Array<{ id: string }>;
      reasoning_details: Array<Record<string, unknown>>;
    }>;
    expect(earlier?.reasoning_details).toEqual([
      expect.objectContaining({
        type: "reasoning.encrypted",
        data: "skip_thought_signature_validator",
        id: earlier?.tool_calls[0]?.id,
      }),
    ]);
    for (const message of turns) {
      const encrypted = message.reasoning_details.filter((d) => d.type === "reasoning.encrypted");
      expect(encrypted).toHaveLength(1);
      expect(encrypted[0]?.id).toBe(message.tool_calls[0]?.id);
      expect(encrypted[0]?.data).toMatch(/^tsig_/);
    }
    // The history keeps the accumulated details on every message of the model (the answer too).
    expect(result.history.filter((m) => m.reasoning_details).length).toBe(TURNS.length + 1);
  });

  it("DeepSeek thinking: reasoning_content goes back on every message with tool calls, empty for the other model's", async () => {
    const { last, result } = await runTask("deepseek-v4");
    expect(assistants(last).map((m) => m.reasoning_content)).toEqual([
      "",
      ...TURNS.map(() => "Planning the tool calls."),
    ]);
    const saved = result.history.filter(
      (m) => m.role === "assistant" && Array.isArray(m.content) && m.content[0]?.type === "reasoning",
    );
    expect(saved).toHaveLength(TURNS.length + 1);
  });

  it.each(["mistral-large-latest", "mistralai/devstral-medium"] as const)(
    "Mistral (%s): every id on calls and results is nine alphanumerics",
    async (model) => {
      const { last } = await runTask(model);
      const ids = last.messages.flatMap((m: WireMessage & { tool_call_id?: string }) => [
        ...(m.tool_calls ?? []).map((c) => c.id),
        ...(m.tool_call_id ? [m.tool_call_id] : []),
      ]);
      expect(ids).toHaveLength(2 * (CALLS + 1));
      for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    },
  );

  it.each(["openrouter", "kilocode"] as const)(
    "Claude via %s: cache breakpoints make every later request read the prefix the previous one wrote",
    async (via) => {
      const { usage, bodies } = await runTask("anthropic/claude-sonnet-4.5", via);
      expect(usage).toHaveLength(bodies.length);
      expect(usage[0]?.cacheReadTokens).toBe(0);
      for (const later of usage.slice(1)) expect(later.cacheReadTokens).toBeGreaterThan(0);
      for (const body of bodies)
        expect(JSON.stringify(body.messages)).toContain('"cache_control":{"type":"ephemeral"}');
    },
  );
});

describe("the demo CLI on a strict local model", () => {
  it.each(Object.keys(STRICT_MODELS))("--model %s completes the demo task", async (model) => {
    const out: string[] = [];
    const code = await runCli(
      ["--model", model, "--json"],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      {
        localPacingMs: 0,
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out[0] as string)).toMatchObject({ status: "completed", model, toolCalls: DEMO_FILES.length });
  });
});
