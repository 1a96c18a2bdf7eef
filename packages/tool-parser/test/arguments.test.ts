import { afterEach, describe, expect, it, vi } from "vitest";
import { NativeToolCallParser, ToolCallArgumentsError } from "../src/index.js";
import { pieces, runStream } from "./run-stream.js";

describe("arguments", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("serialises object arguments", () => {
    const { ends, events } = runStream([{ index: 0, id: "o", name: "t", arguments: { nested: { list: [1, "two"] } } }]);
    expect(events[1]).toEqual({ type: "tool_call_delta", id: "o", delta: '{"nested":{"list":[1,"two"]}}' });
    expect(ends[0]?.input).toEqual({ nested: { list: [1, "two"] } });
  });

  it("treats empty or absent arguments as {}", () => {
    for (const header of [{ arguments: "" }, {}, { arguments: null }, { arguments: "  \n" }]) {
      const { ends } = runStream([{ index: 0, id: "e", name: "t", ...header }]);
      expect(ends).toEqual([{ type: "tool_call_end", id: "e", name: "t", arguments: "{}", input: {} }]);
    }
  });

  it("yields the real object after a leading {} (Bedrock)", () => {
    const { ends } = runStream([
      { index: 0, id: "b", name: "read_file", arguments: "{}" },
      { index: 0, arguments: '{"path":' },
      { index: 0, arguments: '"x"}' },
    ]);
    expect(ends).toEqual([
      { type: "tool_call_end", id: "b", name: "read_file", arguments: '{"path":"x"}', input: { path: "x" } },
    ]);
  });

  it("ends invalid final JSON with a typed error and no input, never a partial guess", () => {
    // Truncated mid-string: a partial parser would happily return {path:"src/fo"}.
    const { ends } = runStream([{ index: 0, id: "bad", name: "write_to_file", arguments: '{"path":"src/fo' }]);
    expect(ends).toHaveLength(1);
    const end = ends[0];
    expect(end?.input).toBeUndefined();
    expect(end?.arguments).toBe('{"path":"src/fo');
    expect(end?.error).toBeInstanceOf(ToolCallArgumentsError);
    expect(end?.error).toMatchObject({ code: "invalid_json", callId: "bad" });
  });

  it("rejects two merged objects instead of picking one", () => {
    const { ends } = runStream([{ index: 0, id: "m", name: "t", arguments: '{"a":1}{"b":2}' }]);
    expect(ends[0]?.error?.code).toBe("invalid_json");
    expect(ends[0]?.input).toBeUndefined();
  });

  it("reports valid JSON that is not an object", () => {
    for (const args of ["[1,2]", "42", '"text"', "null"]) {
      const { ends } = runStream([{ index: 0, id: "n", name: "t", arguments: args }]);
      expect(ends[0]?.error?.code).toBe("not_an_object");
      expect(ends[0]?.input).toBeUndefined();
      expect(ends[0]?.arguments).toBe(args);
    }
  });

  it("parses each call's arguments exactly once, at its end", () => {
    const parser = new NativeToolCallParser();
    const parse = vi.spyOn(JSON, "parse");
    const text = JSON.stringify({ content: "x".repeat(2000), items: [1, 2, 3] });
    parser.processRawChunk({ index: 0, id: "once", name: "t" });
    for (const part of pieces(text, [3, 1, 7])) parser.processRawChunk({ index: 0, arguments: part });
    expect(parse).not.toHaveBeenCalled();
    const events = parser.finalizeRawChunks();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(events[0]).toMatchObject({ type: "tool_call_end", input: JSON.parse(text) });
  });

  it("reports arguments of an impossible type without dropping the rest of the fragment", () => {
    const { ends, warnings } = runStream([
      { index: 0, id: "w", name: "t", arguments: 5 as unknown as string },
      { index: 0, arguments: "{}" },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["invalid_fragment"]);
    expect(warnings[0]?.fragment).toMatchObject({ arguments: 5 });
    expect(ends[0]?.input).toEqual({});
  });
});
