import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import fc from "fast-check";
import { type APIError, BadRequestError } from "openai";
import { describe, expect, it } from "vitest";
import { chunk, validateChatRequest } from "../src/index.js";
import { sdkClient, userOnly, useServer } from "./helpers.js";

const tools = [{ type: "function" as const, function: { name: "read_file", parameters: { type: "object" } } }];

function assistantCalls(...ids: string[]) {
  return {
    role: "assistant" as const,
    content: null,
    tool_calls: ids.map((id) => ({ id, type: "function" as const, function: { name: "read_file", arguments: "{}" } })),
  };
}
const toolResult = (id: string) => ({ role: "tool" as const, tool_call_id: id, content: "ok" });
const body = (messages: unknown[], extra: object = {}) => ({ model: "test/model", messages, ...extra });

describe("validateChatRequest", () => {
  it("accepts a plain conversation and one with tools and the flag", () => {
    expect(validateChatRequest(body(userOnly))).toBeNull();
    expect(validateChatRequest(body(userOnly, { tools, parallel_tool_calls: PARALLEL_TOOL_CALLS }))).toBeNull();
  });

  it.each([PARALLEL_TOOL_CALLS, !PARALLEL_TOOL_CALLS])("rejects parallel_tool_calls=%s without tools", (value) => {
    expect(validateChatRequest(body(userOnly, { parallel_tool_calls: value }))).toBe(
      "'parallel_tool_calls' is only allowed when 'tools' are specified.",
    );
  });

  it("rejects an empty tools array", () => {
    expect(validateChatRequest(body(userOnly, { tools: [], parallel_tool_calls: PARALLEL_TOOL_CALLS }))).toMatch(
      /tools/,
    );
  });

  it("rejects bodies without model or messages", () => {
    expect(validateChatRequest(null)).toMatch(/parse the JSON body/);
    expect(validateChatRequest({ messages: userOnly })).toMatch(/model/);
    expect(validateChatRequest({ model: "m" })).toMatch(/'messages'/);
    expect(validateChatRequest({ model: "m", messages: [] })).toMatch(/'messages'/);
  });

  it("names every unanswered tool call id", () => {
    const messages = [...userOnly, assistantCalls("call_1", "call_2", "call_3"), toolResult("call_2")];
    expect(validateChatRequest(body(messages))).toBe(
      "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
        "The following tool_call_ids did not have response messages: call_1, call_3",
    );
  });

  it("requires the results before the next user or assistant message", () => {
    const late = [...userOnly, assistantCalls("c1"), { role: "user", content: "wait" }, toolResult("c1")];
    expect(validateChatRequest(body(late))).toMatch(/did not have response messages: c1$/);
    const nextTurn = [...userOnly, assistantCalls("c1"), { role: "assistant", content: "x" }];
    expect(validateChatRequest(body(nextTurn))).toMatch(/did not have response messages: c1$/);
  });

  it("rejects a tool result for an unknown id, and one answering a previous turn", () => {
    expect(validateChatRequest(body([...userOnly, toolResult("ghost")]))).toMatch(
      /must be a response to a preceding message with 'tool_calls'.*'ghost'/,
    );
    const stale = [...userOnly, assistantCalls("c1"), toolResult("c1"), assistantCalls("c2"), toolResult("c1")];
    expect(validateChatRequest(body(stale))).toMatch(/'c1'/);
  });

  it("rejects duplicate tool results and duplicate call ids", () => {
    const dup = [...userOnly, assistantCalls("c1", "c2"), toolResult("c1"), toolResult("c1"), toolResult("c2")];
    expect(validateChatRequest(body(dup))).toMatch(/Duplicate tool message for tool_call_id 'c1'/);
    expect(validateChatRequest(body([...userOnly, assistantCalls("c1", "c1"), toolResult("c1")]))).toMatch(
      /Duplicate tool_call id/,
    );
  });

  it("property: results in any order are accepted; dropping or duplicating any one is rejected", () => {
    const turn = fc
      .uniqueArray(fc.stringMatching(/^call_[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 6 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length })));
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 4 }), fc.nat(), (turns, pick) => {
        const messages: unknown[] = [...userOnly];
        const resultPositions: number[] = [];
        for (const [ids, order] of turns) {
          messages.push(assistantCalls(...ids));
          for (const id of order) {
            resultPositions.push(messages.length);
            messages.push(toolResult(id));
          }
        }
        expect(validateChatRequest(body(messages, { tools }))).toBeNull();

        const at = resultPositions[pick % resultPositions.length] as number;
        const target = messages[at] as { tool_call_id: string };
        const dropped = messages.filter((_, i) => i !== at);
        expect(validateChatRequest(body(dropped, { tools }))).toContain(target.tool_call_id);
        const duplicated = [...messages.slice(0, at + 1), messages[at], ...messages.slice(at + 1)];
        expect(validateChatRequest(body(duplicated, { tools }))).toContain(`'${target.tool_call_id}'`);
      }),
    );
  });
});

describe("request validation over HTTP", () => {
  const ctx = useServer();

  it("answers 400 in OpenAI's shape and leaves the queue untouched", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "ok" }) }] });
    const error = await sdkClient(server)
      .chat.completions.create({
        model: "test/model",
        messages: userOnly,
        parallel_tool_calls: PARALLEL_TOOL_CALLS,
        stream: true,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const apiError = error as BadRequestError;
    expect(apiError.status).toBe(400);
    expect(apiError.param).toBe("parallel_tool_calls");
    expect(apiError.type).toBe("invalid_request_error");
    expect(apiError.message).toBe("400 'parallel_tool_calls' is only allowed when 'tools' are specified.");
    expect(server.requests).toHaveLength(1);
    expect(server.queued).toBe(1);
  });

  it("answers 400 for a history with an unanswered tool call", async () => {
    const { server } = ctx;
    const error = await sdkClient(server)
      .chat.completions.create({
        model: "test/model",
        messages: [...userOnly, assistantCalls("call_x"), { role: "user", content: "go on" }],
        tools,
      })
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).message).toContain("call_x");
  });

  it("answers 400 for a body that is not JSON", async () => {
    const { server } = ctx;
    const response = await fetch(`${server.baseUrl}/chat/completions`, { method: "POST", body: "{nope" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect(server.requests[0]?.rawBody).toBe("{nope");
    expect(server.requests[0]?.body).toBeUndefined();
  });
});

describe("with validateRequests: false", () => {
  const ctx = useServer({ validateRequests: false });

  it("passes invalid requests to the script", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "accepted" }) }] });
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
      stream: true,
    });
    const contents: string[] = [];
    for await (const c of stream) contents.push(c.choices[0]?.delta.content ?? "");
    expect(contents).toEqual(["accepted"]);
  });
});
