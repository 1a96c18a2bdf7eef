import { describe, expect, it } from "vitest";
import { NativeToolCallParser } from "../src/index.js";
import { runStream } from "./run-stream.js";

describe("ending", () => {
  it("keeps parsing after a finish reason: more calls may follow", () => {
    const { ends } = runStream([
      { index: 0, id: "a", name: "t", arguments: "{}" },
      { finish: "tool_calls" },
      { index: 1, id: "b", name: "u", arguments: '{"x":1}' },
      { finish: "tool_calls" },
    ]);
    expect(ends.map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("ends a complete call at a finish reason, but not an incomplete one", () => {
    const parser = new NativeToolCallParser();
    parser.processRawChunk({ index: 1, id: "open", name: "u", arguments: '{"b":' });
    parser.processRawChunk({ index: 0, id: "done", name: "t", arguments: '{"a":1}' });
    expect(parser.processFinishReason("tool_calls").map((e) => [e.type, e.id])).toEqual([["tool_call_end", "done"]]);
    // Once complete it ends at once: a later call has started.
    expect(parser.processRawChunk({ index: 1, arguments: "2}" })).toMatchObject([
      { type: "tool_call_delta", id: "open", delta: "2}" },
      { type: "tool_call_end", id: "open", input: { b: 2 } },
    ]);
    expect(parser.finalizeRawChunks()).toEqual([]);
  });

  it("ends a complete call when a later call starts", () => {
    const parser = new NativeToolCallParser();
    parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: '{"a":1}' });
    const events = parser.processRawChunk({ index: 1, id: "b", name: "u" });
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ["tool_call_end", "a"],
      ["tool_call_start", "b"],
    ]);
  });

  it("does not end a complete call early with neither a later call nor a finish reason", () => {
    const parser = new NativeToolCallParser();
    const events = parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: '{"a":1}' });
    expect(events.map((e) => e.type)).toEqual(["tool_call_start", "tool_call_delta"]);
    expect(parser.processFinishReason(null)).toEqual([]);
    expect(parser.processFinishReason("")).toEqual([]);
  });

  it("ends the remaining calls at the end of the stream in the order they started", () => {
    const { ends, beforeFinalize } = runStream([
      { index: 2, id: "c", name: "t", arguments: '{"c":' },
      { index: 0, id: "a", name: "t", arguments: '{"a":' },
      { index: 1, id: "b", name: "t", arguments: '{"b":' },
      { index: 1, arguments: "2}" },
      { index: 0, arguments: "1}" },
      { index: 2, arguments: "3" },
    ]);
    // Only a was complete with a later call started; c and b end at the end, in start order.
    expect(beforeFinalize.filter((e) => e.type === "tool_call_end").map((e) => e.id)).toEqual(["a"]);
    expect(ends.map((e) => e.id)).toEqual(["a", "c", "b"]);
    expect(ends[1]?.error?.code).toBe("invalid_json");
    expect(ends[2]?.input).toEqual({ b: 2 });
  });

  it("ends every started call exactly once, even with repeated finish reasons and finalize calls", () => {
    const parser = new NativeToolCallParser();
    const events = [
      ...parser.processRawChunk({ index: 0, id: "a", name: "t", arguments: "{}" }),
      ...parser.processFinishReason("tool_calls"),
      ...parser.processFinishReason("tool_calls"),
      ...parser.processRawChunk({ index: 1, id: "b", name: "t", arguments: '{"x":' }),
      ...parser.processFinishReason("stop"),
      ...parser.finalizeRawChunks(),
      ...parser.finalizeRawChunks(),
    ];
    const ends = events.filter((e) => e.type === "tool_call_end").map((e) => e.id);
    expect(ends).toEqual(["a", "b"]);
  });

  it("reports a fragment for an ended call as a typed protocol error and does not apply it", () => {
    const { ends, warnings } = runStream([
      { index: 0, id: "a", name: "t", arguments: '{"a":1}' },
      { finish: "tool_calls" },
      { index: 0, arguments: ',"b":2}' },
      { index: 0, id: "a", arguments: "x" },
    ]);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ id: "a", arguments: '{"a":1}', input: { a: 1 } });
    expect(warnings.map((w) => [w.code, w.callId])).toEqual([
      ["fragment_after_end", "a"],
      ["fragment_after_end", "a"],
    ]);
    expect(warnings[0]?.fragment).toEqual({ index: 0, arguments: ',"b":2}' });
  });

  it("ignores an empty trailing fragment after a call ended (nothing to lose)", () => {
    const { ends, warnings } = runStream([
      { index: 0, id: "a", name: "t", arguments: "{}" },
      { finish: "tool_calls" },
      { index: 0, arguments: "" },
    ]);
    expect(ends).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it("reports fragments that arrive after finalizeRawChunks", () => {
    const parser = new NativeToolCallParser();
    parser.finalizeRawChunks();
    expect(parser.processRawChunk({ index: 0, id: "late", name: "t", arguments: "{}" })).toEqual([]);
    expect(parser.warnings.map((w) => w.code)).toEqual(["after_finalize"]);
  });

  it("reports a chunk that is not an object instead of throwing", () => {
    const parser = new NativeToolCallParser();
    expect(parser.processRawChunk(null as never)).toEqual([]);
    expect(parser.warnings.map((w) => w.code)).toEqual(["invalid_fragment"]);
  });
});
