import { APIError } from "openai";
import { describe, expect, it } from "vitest";
import { encryptedContentFor, gptModel, responsesStream } from "../src/index.js";
import { sdkClient, useServer } from "./helpers.js";

const ctx = useServer();
const tools = [{ type: "function" as const, name: "read_file", parameters: { type: "object" }, strict: false }];
const reasoning = (id: string) => ({
  type: "reasoning" as const,
  id,
  summary: [],
  encrypted_content: encryptedContentFor(id, []),
});
const call = { type: "function_call" as const, call_id: "call_1", name: "read_file", arguments: "{}" };
const output = { type: "function_call_output" as const, call_id: "call_1", output: "x" };
const user = { role: "user" as const, content: "go" };

// biome-ignore lint/suspicious/noExplicitAny: requests the SDK's types would refuse are the point.
async function rejection(body: Record<string, any>): Promise<{ status?: number; message: string; code?: unknown }> {
  ctx.server.enqueue(responsesStream([{ type: "message", text: "ok" }]));
  try {
    const stream = await sdkClient(ctx.server).responses.create({
      model: "gpt-5.1",
      stream: true,
      store: false,
      ...body,
    });
    for await (const _ of stream) {
      // drain
    }
  } catch (error) {
    if (error instanceof APIError) return { status: error.status, message: error.message, code: error.code };
    throw error;
  }
  return { message: "accepted" };
}

describe("POST /v1/responses validation (the real API's 400s)", () => {
  it.each([
    [
      "a function_call without its output",
      { input: [user, call], tools },
      "No tool output found for function call call_1.",
    ],
    [
      "an output without its call",
      { input: [user, output], tools },
      "No tool call found for function call output with call_id call_1.",
    ],
    [
      "a reasoning item whose encrypted_content differs",
      { input: [user, { ...reasoning("rs_1"), encrypted_content: "gAAAAB-changed" }, call, output], tools },
      "The encrypted content for item rs_1 could not be verified.",
    ],
    [
      "a reasoning item without encrypted_content under store: false",
      { input: [user, { type: "reasoning", id: "rs_1", summary: [] }, call, output], tools },
      "Item with id 'rs_1' not found. Items are not persisted when store is set to false.",
    ],
    [
      "a reasoning item without its following item",
      { input: [user, reasoning("rs_1"), user] },
      "Item 'rs_1' of type 'reasoning' was provided without its required following item.",
    ],
    [
      "parallel_tool_calls without tools",
      { input: [user], parallel_tool_calls: true },
      "'parallel_tool_calls' is only allowed when 'tools' are specified.",
    ],
    [
      "tool_choice without tools",
      { input: [user], tool_choice: "auto" },
      "'tool_choice' is only allowed when 'tools' are specified.",
    ],
    [
      "a Chat Completions tool (name nested under function)",
      { input: [user], tools: [{ type: "function", function: { name: "read_file" } }] },
      "Missing required parameter: 'tools[0].name'.",
    ],
    [
      "a function_call whose id is a call id",
      { input: [user, { ...call, id: "call_1" }, output], tools },
      "Expected an ID that begins with 'fc'.",
    ],
  ])("400 for %s", async (_name, body, message) => {
    const answer = await rejection(body);
    expect(answer.status).toBe(400);
    expect(answer.message).toContain(message);
    expect(ctx.server.queued).toBe(1);
  });

  it("reports invalid_encrypted_content as the error code", async () => {
    const answer = await rejection({
      input: [user, { ...reasoning("rs_1"), encrypted_content: "x" }, call, output],
      tools,
    });
    expect(answer.code).toBe("invalid_encrypted_content");
  });

  it("accepts a valid history: reasoning as issued before its call, one output per call, images in outputs", async () => {
    const imageOutput = {
      ...output,
      output: [
        { type: "input_text", text: "see" },
        { type: "input_image", image_url: "data:image/png;base64,AAAA", detail: "auto" },
      ],
    };
    const answer = await rejection({
      input: [user, reasoning("rs_1"), call, imageOutput],
      tools,
      parallel_tool_calls: true,
      tool_choice: "auto",
    });
    expect(answer.message).toBe("accepted");
  });
});

describe("gptModel", () => {
  it("reasons, calls the round's tools with unique ids, then answers; the added reasoning copy is cut", async () => {
    ctx.server.setHandler(gptModel({ rounds: [2] }));
    const client = sdkClient(ctx.server);
    const events: Array<{ type: string; [key: string]: unknown }> = [];
    const stream = await client.responses.create({
      model: "gpt-5.1",
      stream: true,
      store: false,
      input: [user],
      tools: [...tools, { ...tools[0], name: "list_files" }] as typeof tools,
      parallel_tool_calls: true,
    });
    for await (const event of stream) events.push(event as unknown as (typeof events)[number]);
    const done = events
      .filter((e) => e.type === "response.output_item.done")
      .map((e) => e.item as Record<string, unknown>);
    expect(done.map((item) => item.type)).toEqual(["reasoning", "function_call", "function_call"]);
    expect(done.map((item) => item.call_id ?? item.id)).toEqual(["rs_round0_1", "call_round0_0", "call_round0_1"]);
    const added = events.find((e) => e.type === "response.output_item.added")?.item as Record<string, string>;
    expect(done[0]?.encrypted_content).toMatch(new RegExp(`^${added.encrypted_content}.+`));
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)?.type).toBe("response.completed");
  });
});
