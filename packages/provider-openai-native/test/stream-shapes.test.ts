import { responsesStream, type SseEvent } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callsOf, collect, handlerFor, ofType, TOOLS, textOf, useServer } from "./helpers.js";

const ctx = useServer();
const user = [{ role: "user" as const, content: "go" }];
const metadata = { taskId: "t", tools: TOOLS };

type Json = Record<string, unknown>;

/** The JSON payloads of a stream built without `event:` lines, rewritten, back into events. */
function rewrite(events: SseEvent[], change: (data: Json, i: number) => Json | undefined): SseEvent[] {
  return events.flatMap((event, i): SseEvent[] => {
    if (!("data" in event)) return [event];
    const data = change(structuredClone(event.data) as Json, i);
    return data === undefined ? [] : [{ data }];
  });
}

describe("stream shapes real servers send", () => {
  it("matches argument deltas by output_index when item_id changes on every event (GitHub Copilot)", async () => {
    const base = responsesStream(
      [
        { type: "function_call", callId: "call_1", name: "read_file", arguments: '{"path":"a.ts"}' },
        { type: "function_call", callId: "call_2", name: "read_file", arguments: '{"path":"b.ts"}' },
      ],
      { eventLines: false, fragmentSize: 2 },
    );
    const events = rewrite(base.events, (data, i) => {
      if (typeof data.item_id === "string") data.item_id = `rotated_${i}`;
      if (data.type === "response.output_item.done" && typeof (data.item as Json).id === "string")
        (data.item as Json).id = `other_${i}`;
      return data;
    });
    ctx.server.enqueue({ ...base, events });
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(callsOf(chunks)).toEqual([
      { index: 0, id: "call_1", name: "read_file", arguments: '{"path":"a.ts"}' },
      { index: 1, id: "call_2", name: "read_file", arguments: '{"path":"b.ts"}' },
    ]);
    expect(ofType(chunks, "tool_call_complete").map((c) => c.index)).toEqual([0, 1]);
  });

  it("fills arguments the deltas left short from the done event, and reads a call seen only at its done event", async () => {
    const base = responsesStream(
      [
        { type: "function_call", callId: "call_1", name: "read_file", arguments: '{"path":"abcdef.ts"}' },
        { type: "function_call", callId: "call_2", name: "list_files", arguments: '{"path":"src"}' },
      ],
      { eventLines: false, fragmentSize: 4 },
    );
    let deltas = 0;
    const events = rewrite(base.events, (data) => {
      // Drop the second half of the first call's deltas, and everything of the second call but its done event.
      if (data.type === "response.function_call_arguments.delta" && data.output_index === 0 && ++deltas > 2)
        return undefined;
      if (data.output_index === 1 && data.type !== "response.output_item.done") return undefined;
      return data;
    });
    ctx.server.enqueue({ ...base, events });
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(callsOf(chunks)).toEqual([
      { index: 0, id: "call_1", name: "read_file", arguments: '{"path":"abcdef.ts"}' },
      { index: 1, id: "call_2", name: "list_files", arguments: '{"path":"src"}' },
    ]);
  });

  it("reads summaries and answer text sent only as done events, raw reasoning text, and no sequence numbers", async () => {
    const base = responsesStream(
      [
        { type: "reasoning", id: "rs_1", summary: ["Only at the end."], rawText: "raw thoughts" },
        { type: "message", text: "The answer." },
      ],
      { eventLines: false },
    );
    const events = rewrite(base.events, (data) => {
      if (data.type === "response.reasoning_summary_text.delta" || data.type === "response.output_text.delta")
        return undefined;
      delete data.sequence_number;
      return data;
    });
    ctx.server.enqueue({ ...base, events });
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t" }));
    expect(textOf(chunks, "reasoning")).toBe("Only at the end.\n\nraw thoughts");
    expect(textOf(chunks, "text")).toBe("The answer.");
    expect(ofType(chunks, "provider_block")).toHaveLength(1);
  });

  it("whatever the fragment sizes and framing, every call arrives whole, in order, complete once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        async (paths, fragmentSize, eventLines) => {
          const output = paths.map((path, i) => ({
            type: "function_call" as const,
            callId: `call_${i}`,
            name: "read_file",
            arguments: JSON.stringify({ path }),
          }));
          ctx.server.enqueue(responsesStream(output, { fragmentSize, eventLines }));
          const chunks = await collect(handlerFor(ctx.server).createMessage("", user, metadata));
          expect(callsOf(chunks).map((c) => c.arguments)).toEqual(output.map((o) => o.arguments));
          expect(ofType(chunks, "tool_call_complete").map((c) => c.toolCallId)).toEqual(output.map((o) => o.callId));
        },
      ),
      { numRuns: 25 },
    );
  });
});
