import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import {
  claudeModel,
  exampleModel,
  findMessagesRequestProblem,
  messageEnd,
  messageStart,
  textBlock,
  thinkingSignatureFor,
} from "../src/index.js";
import { useServer } from "./helpers.js";

const ctx = useServer();
const HEADERS = { "x-api-key": "k", "anthropic-version": "2023-06-01" };
type Block = Record<string, unknown>;

const use = (id: string): Block => ({ type: "tool_use", id, name: "read_file", input: { path: id } });
const result = (id: string): Block => ({ type: "tool_result", tool_use_id: id, content: "ok" });
const thinking = (text: string, signature = thinkingSignatureFor(text)): Block => ({
  type: "thinking",
  thinking: text,
  signature,
});

function body(messages: Array<{ role: string; content: Block[] | string }>, extra: Record<string, unknown> = {}) {
  return {
    model: "claude-sonnet-4-5",
    max_tokens: 2048,
    tools: [{ name: "read_file", input_schema: { type: "object" } }],
    messages: [{ role: "user", content: "go" }, ...messages],
    ...extra,
  };
}
const problem = (value: unknown) => findMessagesRequestProblem(value, HEADERS)?.message ?? null;
const thinkingOn = { thinking: { type: "enabled", budget_tokens: 1024 } };

describe("/v1/messages validation (the real API's messages)", () => {
  it("accepts a valid tool round, with or without thinking", () => {
    const round = [
      { role: "assistant", content: [thinking("plan"), use("toolu_1"), use("toolu_2")] },
      { role: "user", content: [result("toolu_1"), result("toolu_2"), { type: "text", text: "more" }] },
    ];
    expect(problem(body(round))).toBeNull();
    expect(problem(body(round, thinkingOn))).toBeNull();
  });

  it("refuses unanswered and unexpected tool_use ids, and results that do not come first", () => {
    expect(
      problem(
        body([
          { role: "assistant", content: [use("toolu_1"), use("toolu_2")] },
          { role: "user", content: [result("toolu_1")] },
        ]),
      ),
    ).toBe(
      "messages.2: tool_use ids were found without tool_result blocks immediately after: toolu_2. Each tool_use block must have a corresponding tool_result block in the next message.",
    );
    expect(
      problem(
        body([
          { role: "assistant", content: [use("toolu_1")] },
          { role: "user", content: [result("toolu_1"), result("toolu_9")] },
        ]),
      ),
    ).toBe(
      "messages.2.content.1: unexpected tool_use_id found in tool_result blocks: toolu_9. Each tool_result block must have a corresponding tool_use block in the previous message.",
    );
    expect(
      problem(
        body([
          { role: "assistant", content: [use("toolu_1")] },
          { role: "user", content: [{ type: "text", text: "hi" }, result("toolu_1")] },
        ]),
      ),
    ).toMatch(/tool_use ids were found without tool_result blocks immediately after: toolu_1/);
  });

  it("refuses duplicate and badly shaped ids, empty text blocks, missing max_tokens", () => {
    expect(problem(body([{ role: "assistant", content: [use("toolu_1"), use("toolu_1")] }]))).toMatch(
      /tool_use ids must be unique/,
    );
    expect(problem(body([{ role: "assistant", content: [use("functions.read:0")] }]))).toBe(
      "messages.1.content.0.id: String should match pattern '^[a-zA-Z0-9_-]+$'",
    );
    expect(problem(body([{ role: "assistant", content: [{ type: "text", text: "" }] }]))).toBe(
      "messages.1.content.0: text content blocks must be non-empty",
    );
    const { max_tokens: _omitted, ...noMax } = body([]);
    expect(problem(noMax)).toBe("max_tokens: Field required");
    expect(problem({ ...body([]), tools: undefined, tool_choice: { type: "auto" } })).toMatch(
      /tool_choice may only be specified/,
    );
  });

  it("with thinking on: a changed or missing signature, and a last tool round not starting with thinking", () => {
    const answered = (first: Block[]) => [
      { role: "assistant", content: [...first, use("toolu_1")] },
      { role: "user", content: [result("toolu_1")] },
    ];
    expect(problem(body(answered([thinking("plan", thinkingSignatureFor("other"))]), thinkingOn))).toBe(
      "messages.1.content.0: Invalid signature in thinking block",
    );
    expect(problem(body(answered([{ type: "thinking", thinking: "plan" }]), thinkingOn))).toMatch(
      /signature: Field required/,
    );
    expect(problem(body(answered([]), thinkingOn))).toMatch(
      /^messages\.1\.content\.0\.type: Expected thinking or redacted_thinking, but found tool_use\. When thinking is enabled, a final assistant message must start with a thinking block/,
    );
    expect(problem(body(answered([{ type: "redacted_thinking", data: "x" }]), thinkingOn))).toBeNull();
  });

  it("refuses more than 4 cache breakpoints", () => {
    const marked = { type: "text", text: "x", cache_control: { type: "ephemeral" } };
    const messages = [
      { role: "assistant", content: [marked, marked, marked] },
      { role: "user", content: [marked, marked] },
    ];
    expect(problem(body(messages))).toBe("A maximum of 4 blocks with cache_control may be provided. Found 5.");
  });

  it("answers over HTTP with the API's error body, which the SDK reads", async () => {
    const client = new Anthropic({ baseURL: `http://127.0.0.1:${ctx.server.port}`, apiKey: "k", maxRetries: 0 });
    const request = client.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "read_file", input: {} }] },
        { role: "user", content: "no result" },
      ],
    });
    const error = await request.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error", message: expect.stringMatching(/^messages\.2: tool_use ids were found/) },
    });
    expect(ctx.server.queued).toBe(0);
  });
});

describe("claudeModel", () => {
  it("plays a chat model as Claude: signed thinking with thinking on, one tool_use block per call, one call without parallel tool use", async () => {
    ctx.server.setHandler(claudeModel(exampleModel));
    const client = new Anthropic({ baseURL: `http://127.0.0.1:${ctx.server.port}`, apiKey: "k", maxRetries: 0 });
    const tools = ["read_file", "list_files"].map((name) => ({ name, input_schema: { type: "object" as const } }));
    const run = async (disable: boolean) => {
      const stream = await client.messages.create({
        model: "claude-sonnet-4-5",
        max_tokens: 4096,
        thinking: { type: "enabled", budget_tokens: 1024 },
        tools,
        tool_choice: { type: "auto", disable_parallel_tool_use: disable },
        messages: [{ role: "user", content: "go" }],
        stream: true,
      });
      const blocks: Array<Record<string, unknown>> = [];
      for await (const event of stream)
        if (event.type === "content_block_start") blocks.push(event.content_block as never);
      return blocks;
    };
    const parallel = await run(false);
    expect(parallel.map((b) => b.type)).toEqual(["thinking", "tool_use", "tool_use"]);
    expect((await run(true)).map((b) => b.type)).toEqual(["thinking", "tool_use"]);
  });

  it("scripted Messages streams play as queued", async () => {
    ctx.server.enqueue({
      kind: "stream",
      done: false,
      events: [messageStart(), ...textBlock(0, "hi"), ...messageEnd("end_turn")],
    });
    const client = new Anthropic({ baseURL: `http://127.0.0.1:${ctx.server.port}`, apiKey: "k", maxRetries: 0 });
    const message = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: "go" }] })
      .finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "hi" }]);
  });
});
