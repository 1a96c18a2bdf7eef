import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NativeToolCallParser, parseToolCallStream, type ToolCallProtocolError } from "../src/index.js";
import { pieces } from "./run-stream.js";

function parserWithWarnings(): { parser: NativeToolCallParser; warnings: ToolCallProtocolError[] } {
  const warnings: ToolCallProtocolError[] = [];
  return { parser: new NativeToolCallParser({ onWarning: (w) => warnings.push(w) }), warnings };
}

describe("tool_call_complete: the protocol ends a call", () => {
  it("ends the call at once, before any later call starts", () => {
    const { parser } = parserWithWarnings();
    parser.processRawChunk({ index: 0, id: "toolu_1", name: "read_file", arguments: '{"path":"a.ts"}' });
    // Without the completion the call stays open: nothing says no more arguments follow.
    expect(parser.processFinishReason(null)).toEqual([]);
    expect(parser.processCallComplete({ index: 0 })).toEqual([
      {
        type: "tool_call_end",
        id: "toolu_1",
        name: "read_file",
        arguments: '{"path":"a.ts"}',
        input: { path: "a.ts" },
      },
    ]);
    expect(parser.finalizeRawChunks()).toEqual([]);
  });

  it("matches by wire id first, then by index", () => {
    const { parser, warnings } = parserWithWarnings();
    parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: '{"n":' });
    parser.processRawChunk({ index: 1, id: "b", name: "t", arguments: '{"n":' });
    // Both are still open (incomplete arguments). The id names call a though the index points at b.
    expect(parser.processCallComplete({ index: 1, toolCallId: "a" }).map((e) => e.id)).toEqual(["a"]);
    expect(parser.processCallComplete({ index: 1 }).map((e) => e.id)).toEqual(["b"]);
    expect(warnings).toEqual([]);
  });

  it("ends a call whose arguments do not parse, with the error, as the end of the stream would", () => {
    const { parser } = parserWithWarnings();
    parser.processRawChunk({ index: 3, id: "x", name: "t", arguments: '{"cut":' });
    const [end] = parser.processCallComplete({ toolCallId: "x" });
    expect(end).toMatchObject({ type: "tool_call_end", id: "x", arguments: '{"cut":' });
    expect(end && "error" in end && end.error?.code).toBe("invalid_json");
    expect(end && "input" in end).toBe(false);
  });

  it("reports an unknown call as a typed warning and never throws", () => {
    const { parser, warnings } = parserWithWarnings();
    parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: "{}" });
    expect(parser.processCallComplete({ index: 7 })).toEqual([]);
    expect(parser.processCallComplete({ toolCallId: "nope" })).toEqual([]);
    expect(parser.processCallComplete({})).toEqual([]);
    expect(parser.processCallComplete(null as never)).toEqual([]);
    expect(parser.processCallComplete({ index: "0" as never, toolCallId: 5 as never })).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(Array(5).fill("unknown_call"));
    expect(parser.finalizeRawChunks().map((e) => e.id)).toEqual(["a"]);
    expect(parser.processCallComplete({ index: 0 })).toEqual([]);
    expect(warnings.at(-1)?.code).toBe("after_finalize");
  });

  it("reports later fragments of an ended call as fragment_after_end, and ignores a repeated completion", () => {
    const { parser, warnings } = parserWithWarnings();
    parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: "{}" });
    expect(parser.processCallComplete({ index: 0 })).toHaveLength(1);
    expect(parser.processCallComplete({ index: 0 })).toEqual([]);
    expect(parser.processRawChunk({ index: 0, arguments: "{}" })).toEqual([]);
    expect(parser.processRawChunk({ id: "a", arguments: "x" })).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["fragment_after_end", "fragment_after_end"]);
  });

  it("leaves a call that never got a name to the end of the stream, which reports it", () => {
    const { parser, warnings } = parserWithWarnings();
    parser.processRawChunk({ index: 0, id: "a", arguments: "{}" });
    expect(parser.processCallComplete({ index: 0 })).toEqual([]);
    expect(parser.finalizeRawChunks()).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["unnamed_call"]);
  });

  it("parseToolCallStream turns the completion into the call's end, in stream position", async () => {
    async function* stream(): AsyncGenerator<ApiStreamChunk> {
      yield { type: "tool_call_partial", index: 1, id: "toolu_a", name: "t", arguments: "" };
      yield { type: "tool_call_partial", index: 1, arguments: '{"a":1}' };
      yield { type: "tool_call_complete", index: 1 };
      yield { type: "text", text: "between" };
      yield { type: "tool_call_partial", index: 2, id: "toolu_b", name: "t", arguments: '{"b":2}' };
      yield { type: "tool_call_complete", index: 2, toolCallId: "toolu_b" };
    }
    const seen: string[] = [];
    for await (const chunk of parseToolCallStream(stream())) {
      seen.push("id" in chunk ? `${chunk.type}:${chunk.id}` : chunk.type);
    }
    expect(seen).toEqual([
      "tool_call_start:toolu_a",
      "tool_call_delta:toolu_a",
      "tool_call_end:toolu_a",
      "text",
      "tool_call_start:toolu_b",
      "tool_call_delta:toolu_b",
      "tool_call_end:toolu_b",
    ]);
  });

  it("property: with a completion after each call, every call ends right at its completion, inputs intact", () => {
    const callArb = fc.record({
      args: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
      byId: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 3 }), (calls, base) => {
        const { parser, warnings } = parserWithWarnings();
        calls.forEach((call, i) => {
          const text = JSON.stringify(call.args);
          const index = base + i;
          parser.processRawChunk({ index, id: `toolu_${i}`, name: "t", arguments: "" });
          for (const piece of pieces(text, call.sizes)) {
            for (const event of parser.processRawChunk({ index, arguments: piece })) {
              expect(event.type).toBe("tool_call_delta");
            }
          }
          const ends = parser.processCallComplete(call.byId ? { toolCallId: `toolu_${i}` } : { index });
          expect(ends).toHaveLength(1);
          expect(ends[0]).toMatchObject({ type: "tool_call_end", id: `toolu_${i}`, arguments: text });
          expect(ends[0] && "input" in ends[0] ? ends[0].input : undefined).toEqual(JSON.parse(text));
        });
        expect(parser.finalizeRawChunks()).toEqual([]);
        expect(warnings).toEqual([]);
      }),
    );
  });
});
