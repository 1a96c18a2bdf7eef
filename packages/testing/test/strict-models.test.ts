import { BadRequestError } from "openai";
import { describe, expect, it } from "vitest";
import {
  exampleModel,
  SKIP_THOUGHT_SIGNATURE,
  STRICT_MODELS,
  strictModel,
  thoughtSignatureFor,
  validateChatRequest,
} from "../src/index.js";
import { collect, sdkClient, useServer } from "./helpers.js";

type Call = { id: string; name: string; args: string; extra?: object };
const call = (id: string, args: object, extra?: object): Call => ({
  id,
  name: "read_file",
  args: JSON.stringify(args),
  ...(extra ? { extra } : {}),
});
const assistant = (calls: Call[], extra: object = {}) => ({
  role: "assistant",
  content: null,
  tool_calls: calls.map((c) => ({
    id: c.id,
    type: "function",
    function: { name: c.name, arguments: c.args },
    ...(c.extra ? { extra_content: c.extra } : {}),
  })),
  ...extra,
});
const results = (calls: Call[]) => calls.map((c) => ({ role: "tool", tool_call_id: c.id, content: "ok" }));
const turn = (model: string, calls: Call[], extra: object = {}) => ({
  model,
  messages: [{ role: "user", content: "read" }, assistant(calls, extra), ...results(calls)],
});
const signed = (c: Call) => ({ google: { thought_signature: thoughtSignatureFor(c.name, c.args) } });

describe("strict history rules (validation, as the real APIs answer)", () => {
  const a = call("fc_1", { path: "a.ts" });
  const b = call("fc_2", { path: "b.ts" });

  it("Gemini 3: the first call of each step needs its own signature, or Google's skip value", () => {
    const model = "gemini-3-pro-preview";
    expect(validateChatRequest(turn(model, [{ ...a, extra: signed(a) }, b]))).toBeNull();
    expect(
      validateChatRequest(turn(model, [{ ...a, extra: { google: { thought_signature: SKIP_THOUGHT_SIGNATURE } } }, b])),
    ).toBeNull();
    expect(validateChatRequest(turn(model, [a, b]))).toMatch(/missing a thought_signature/);
    // The signature of the first call moved to the second: the first is unsigned, and the second's is not its own.
    expect(validateChatRequest(turn(model, [a, { ...b, extra: signed(a) }]))).toMatch(/missing a thought_signature/);
    expect(validateChatRequest(turn(model, [{ ...a, extra: signed(b) }, b]))).toMatch(/not valid/);
    // Earlier turns (before the last user message) are not checked.
    const body = turn(model, [a]);
    expect(
      validateChatRequest({ ...body, messages: [...body.messages, { role: "user", content: "next" }] }),
    ).toBeNull();
  });

  it("Gemini via OpenRouter: one reasoning.encrypted detail tied to the first call, never one placeholder per call", () => {
    const model = "google/gemini-3-pro-preview";
    const detail = (c: Call, data: string) => ({ type: "reasoning.encrypted", id: c.id, data, index: 0 });
    const real = detail(a, thoughtSignatureFor(a.name, a.args));
    expect(validateChatRequest(turn(model, [a, b], { reasoning_details: [real] }))).toBeNull();
    expect(
      validateChatRequest(turn(model, [a, b], { reasoning_details: [detail(a, SKIP_THOUGHT_SIGNATURE)] })),
    ).toBeNull();
    expect(validateChatRequest(turn(model, [a, b]))).toMatch(/missing a thought_signature/);
    expect(
      validateChatRequest(
        turn(model, [a, b], {
          reasoning_details: [detail(a, SKIP_THOUGHT_SIGNATURE), detail(b, SKIP_THOUGHT_SIGNATURE)],
        }),
      ),
    ).toMatch(/more than one/);
    expect(validateChatRequest(turn(model, [a, b], { reasoning_details: [detail(b, real.data)] }))).toMatch(
      /not valid/,
    );
    expect(validateChatRequest(turn(model, [a], { reasoning_details: [{ ...real, id: "other" }] }))).toMatch(
      /names no tool call/,
    );
  });

  it("DeepSeek thinking: reasoning_content on every assistant message with tool calls, even empty", () => {
    expect(validateChatRequest(turn("deepseek-v4", [a], { reasoning_content: "" }))).toBeNull();
    expect(validateChatRequest(turn("deepseek-v4", [a]))).toBe(
      "The `reasoning_content` in the thinking mode must be passed back to the API.",
    );
    expect(validateChatRequest(turn("deepseek-v4", []))).toBeNull();
  });

  it("Mistral: ids of exactly nine alphanumerics on calls and results", () => {
    expect(validateChatRequest(turn("mistral-large-latest", [call("Ab3De6Gh9", {})]))).toBeNull();
    for (const id of ["call_1", "Ab3De6Gh", "Ab3De6Gh9x", "Ab3De_Gh9"]) {
      expect(validateChatRequest(turn("mistralai/devstral-medium", [call(id, {})]))).toBe(
        `Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`,
      );
    }
  });

  it("other models are not affected", () => {
    expect(validateChatRequest(turn("test/model", [call("functions.read_file:0", {})]))).toBeNull();
  });
});

describe("strict models over HTTP", () => {
  const ctx = useServer();
  const tools = [
    {
      type: "function" as const,
      function: {
        name: "read_file",
        parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
      },
    },
    { type: "function" as const, function: { name: "list_files", parameters: { type: "object" } } },
  ];

  async function firstTurn(model: string) {
    ctx.server.setHandler(strictModel(exampleModel));
    const stream = await sdkClient(ctx.server).chat.completions.create({
      model,
      messages: [{ role: "user", content: "go" }],
      tools,
      parallel_tool_calls: true,
      stream: true,
    });
    // biome-ignore lint/suspicious/noExplicitAny: raw wire deltas carry fields the SDK types do not know.
    return (await collect(stream)).flatMap((c) => c.choices.map((choice) => choice.delta as any));
  }

  it("Gemini 3 signs only the first call, and rejects a follow-up that drops the signature", async () => {
    const deltas = await firstTurn("gemini-3-pro-preview");
    const headers = deltas.flatMap((d) => d.tool_calls ?? []).filter((t) => t.id);
    expect(headers).toHaveLength(2);
    expect(headers[0].extra_content.google.thought_signature).toBe(
      thoughtSignatureFor("read_file", '{"path":"example"}'),
    );
    expect(headers[1].extra_content).toBeUndefined();
    const calls = headers.map((h, i) => ({
      id: h.id,
      type: "function" as const,
      function: { name: h.function.name, arguments: i === 0 ? '{"path":"example"}' : "{}" },
    }));
    const followUp = (toolCalls: object[]) =>
      sdkClient(ctx.server).chat.completions.create({
        model: "gemini-3-pro-preview",
        messages: [
          { role: "user", content: "go" },
          { role: "assistant", content: null, tool_calls: toolCalls as never },
          ...calls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: "ok" })),
        ],
      });
    await expect(followUp(calls)).rejects.toBeInstanceOf(BadRequestError);
    const echoed = calls.map((c, i) => (i === 0 ? { ...c, extra_content: headers[0].extra_content } : c));
    ctx.server.enqueue({ kind: "json", body: { ok: true } });
    await expect(followUp(echoed)).resolves.toBeDefined();
  });

  it("Gemini via OpenRouter streams reasoning details with the first call's signature", async () => {
    const deltas = await firstTurn("google/gemini-3-pro-preview");
    const details = deltas.flatMap((d) => d.reasoning_details ?? []);
    const firstId = deltas.flatMap((d) => d.tool_calls ?? []).find((t) => t.id)?.id;
    expect(details.map((d) => d.type)).toEqual(["reasoning.text", "reasoning.encrypted"]);
    expect(details[1]).toMatchObject({ id: firstId, data: thoughtSignatureFor("read_file", '{"path":"example"}') });
  });

  it("DeepSeek streams reasoning_content; Mistral issues nine-character ids", async () => {
    const thinking = await firstTurn("deepseek-v4");
    expect(thinking.map((d) => d.reasoning_content ?? "").join("")).toBe("Planning the tool calls.");
    const mistral = await firstTurn("mistral-large-latest");
    const ids = mistral.flatMap((d) => d.tool_calls ?? []).flatMap((t) => (t.id ? [t.id] : []));
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
  });

  it("Claude via OpenRouter reports cache reads only for requests with breakpoints over a written prefix", async () => {
    ctx.server.setHandler(strictModel(exampleModel));
    const long = "x".repeat(4000);
    const ask = async (marked: boolean, extra: string) => {
      const system = marked ? [{ type: "text", text: long, cache_control: { type: "ephemeral" } }] : long;
      const stream = await sdkClient(ctx.server).chat.completions.create({
        model: "anthropic/claude-sonnet-4.5",
        messages: [
          { role: "system", content: system as never },
          { role: "user", content: extra },
        ],
        stream: true,
        stream_options: { include_usage: true },
      });
      const usage = (await collect(stream)).find((c) => c.usage)?.usage;
      return usage?.prompt_tokens_details as { cached_tokens: number; cache_write_tokens: number };
    };
    expect(await ask(false, "one")).toEqual({ cached_tokens: 0, cache_write_tokens: 0 });
    const first = await ask(true, "one");
    expect(first.cached_tokens).toBe(0);
    expect(first.cache_write_tokens).toBeGreaterThan(1000);
    const second = await ask(true, "two");
    expect(second.cached_tokens).toBe(first.cache_write_tokens);
    expect(Object.keys(STRICT_MODELS)).toContain("anthropic/claude-sonnet-4.5");
  });
});
