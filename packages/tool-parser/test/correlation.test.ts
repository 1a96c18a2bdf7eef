import { describe, expect, it } from "vitest";
import { NativeToolCallParser } from "../src/index.js";
import { runStream } from "./run-stream.js";

describe("correlation", () => {
  it("a known non-empty id continues its call even from another index", () => {
    const { ends } = runStream([
      { index: 0, id: "x", name: "read_file", arguments: '{"path":' },
      { index: 3, id: "x", arguments: '"a"}' },
    ]);
    expect(ends.map((e) => [e.id, e.input])).toEqual([["x", { path: "a" }]]);
  });

  it("a new id starts a new call on an index already in use, never merging arguments", () => {
    const { ends } = runStream([
      { index: 0, id: "a", name: "read_file", arguments: '{"path":"1"' },
      { index: 0, id: "b", name: "read_file", arguments: '{"path":"2"}' },
      { index: 0, arguments: "" },
    ]);
    expect(ends.map((e) => [e.id, e.arguments])).toEqual([
      ["a", '{"path":"1"'],
      ["b", '{"path":"2"}'],
    ]);
    expect(ends[0]?.error?.code).toBe("invalid_json");
  });

  it("absent, null and empty ids continue the call tracked at that index", () => {
    const { ends } = runStream([
      { index: 4, id: "a", name: "t", arguments: '{"k":' },
      { index: 7, id: "b", name: "u", arguments: '{"m":' },
      { index: 4, arguments: "1" },
      { index: 7, id: null, arguments: "2" },
      { index: 4, id: "", arguments: "}" },
      { index: 7, arguments: "}" },
    ]);
    expect(ends.map((e) => [e.id, e.input])).toEqual([
      ["a", { k: 1 }],
      ["b", { m: 2 }],
    ]);
  });

  it("without an index, an id-less fragment continues the latest open call", () => {
    const { ends } = runStream([
      { id: "a", name: "t", arguments: '{"k":1}' },
      { id: "b", name: "u", arguments: '{"m":' },
      { arguments: "2}" },
    ]);
    expect(ends.map((e) => [e.id, e.input])).toEqual([
      ["a", { k: 1 }],
      ["b", { m: 2 }],
    ]);
  });

  it("does not trust dense indices: out of order, negative, repeated inside one chunk", () => {
    const { ends } = runStream([
      { index: 1, id: "second", name: "u", arguments: "" },
      { index: 0, id: "first", name: "t", arguments: "" },
      // vLLM speculative decoding: header and first arguments on the same index in one chunk.
      { index: -1, id: "third", name: "v" },
      { index: -1, arguments: '{"c":3}' },
      { index: 0, arguments: '{"a":1}' },
      { index: 1, arguments: '{"b":2}' },
    ]);
    // The first two end as soon as they are complete (later calls have started); the last one at the end.
    expect(ends.map((e) => [e.id, e.input])).toEqual([
      ["first", { a: 1 }],
      ["second", { b: 2 }],
      ["third", { c: 3 }],
    ]);
  });

  it("continuations with an arbitrary new index and no id or name stay with the latest call", () => {
    const { ends } = runStream([
      { index: 0, id: "n1", name: "t", arguments: '{"a":' },
      { index: 5, arguments: "1}" },
    ]);
    expect(ends.map((e) => e.input)).toEqual([{ a: 1 }]);
  });

  it("assigns id and name instead of appending them when servers repeat them", () => {
    const { ends, events } = runStream([
      { index: 0, id: "r", name: "read_file", arguments: '{"p' },
      { index: 0, id: "r", name: "read_file", arguments: 'ath":"a"}' },
    ]);
    expect(events.filter((e) => e.type === "tool_call_start")).toEqual([
      { type: "tool_call_start", id: "r", name: "read_file", index: 0 },
    ]);
    expect(ends.map((e) => [e.id, e.name, e.input])).toEqual([["r", "read_file", { path: "a" }]]);
  });

  it("ignores '' and null names", () => {
    const { ends } = runStream([
      { index: 0, id: "q", name: "", arguments: '{"a"' },
      { index: 0, name: null, arguments: ":1}" },
      { index: 0, name: "real_name" },
    ]);
    expect(ends.map((e) => [e.name, e.input])).toEqual([["real_name", { a: 1 }]]);
  });

  it("turns a numeric id into a string", () => {
    const { ends } = runStream([{ index: 0, id: 17, name: "t", arguments: "{}" }]);
    expect(ends[0]?.id).toBe("17");
  });

  it("generates an id for calls without one, using the generateId option", () => {
    const parser = new NativeToolCallParser({ generateId: () => "custom" });
    const events = [
      ...parser.processRawChunk({ index: 0, name: "t", arguments: "{}" }),
      ...parser.processRawChunk({ index: 1, name: "u", arguments: "{}" }),
      ...parser.finalizeRawChunks(),
    ];
    expect(events.filter((e) => e.type === "tool_call_end").map((e) => e.id)).toEqual(["custom", "custom_2"]);
  });

  it("the default generated ids are random call_ ids", () => {
    const parser = new NativeToolCallParser();
    const [start] = parser.processRawChunk({ index: 0, name: "t" });
    expect(start?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });

  it("keeps ids unique within a response when the wire repeats one for two calls", () => {
    const { ends } = runStream([
      { index: 0, id: "0", name: "read_file", arguments: '{"path":"a"}' },
      { index: 1, id: "0", name: "list_files", arguments: '{"path":"b"}' },
      { index: 2, id: "0", name: "list_files", arguments: '{"path":"c"}' },
    ]);
    expect(ends.map((e) => [e.id, e.name, e.input])).toEqual([
      ["0", "read_file", { path: "a" }],
      ["0_2", "list_files", { path: "b" }],
      ["0_3", "list_files", { path: "c" }],
    ]);
  });

  it("keeps no state between parser instances", () => {
    const first = new NativeToolCallParser();
    const second = new NativeToolCallParser();
    first.processRawChunk({ index: 0, id: "a", name: "t", arguments: '{"x":' });
    expect(second.processRawChunk({ index: 0, arguments: "1}" })).toEqual([]);
    expect(second.finalizeRawChunks()).toEqual([]);
    expect(first.processRawChunk({ index: 0, arguments: "1}" })).toHaveLength(1);
    expect(first.finalizeRawChunks()).toMatchObject([{ id: "a", input: { x: 1 } }]);
  });

  it("accepts a whole tool_call_partial stream chunk", () => {
    const parser = new NativeToolCallParser();
    const events = parser.processRawChunk({ type: "tool_call_partial", index: 0, id: "p", name: "t", arguments: "{}" });
    expect(events).toEqual([
      { type: "tool_call_start", id: "p", name: "t", index: 0 },
      { type: "tool_call_delta", id: "p", delta: "{}" },
    ]);
  });
});
