import { describe, expect, it } from "vitest";
import { NativeToolCallParser, ToolCallProtocolError } from "../src/index.js";
import { runStream } from "./run-stream.js";

describe("names", () => {
  it("buffers fragments that arrive before the name and emits them right after the start", () => {
    const { events } = runStream([
      { index: 0, id: "late", arguments: '{"pa' },
      { index: 0, arguments: 'th":' },
      { index: 0, name: "read_file", arguments: '"a"}' },
    ]);
    expect(events).toEqual([
      { type: "tool_call_start", id: "late", name: "read_file", index: 0 },
      { type: "tool_call_delta", id: "late", delta: '{"pa' },
      { type: "tool_call_delta", id: "late", delta: 'th":' },
      { type: "tool_call_delta", id: "late", delta: '"a"}' },
      { type: "tool_call_end", id: "late", name: "read_file", arguments: '{"path":"a"}', input: { path: "a" } },
    ]);
  });

  it("never ends a call that never gets a name, and reports it with its arguments", () => {
    const { events, warnings } = runStream([
      { index: 0, id: "named", name: "t", arguments: "{}" },
      { index: 1, id: "nameless", arguments: '{"a":1}' },
      { finish: "tool_calls" },
    ]);
    expect(events.filter((e) => e.type === "tool_call_end").map((e) => e.id)).toEqual(["named"]);
    expect(events.some((e) => e.id === "nameless")).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(ToolCallProtocolError);
    expect(warnings[0]).toMatchObject({ code: "unnamed_call", callId: "nameless", arguments: '{"a":1}' });
  });

  it("collects warnings on the parser when no callback is given", () => {
    const parser = new NativeToolCallParser();
    parser.processRawChunk({ index: 0, id: "nameless", arguments: "{}" });
    expect(parser.finalizeRawChunks()).toEqual([]);
    expect(parser.warnings.map((w) => w.code)).toEqual(["unnamed_call"]);
  });
});
