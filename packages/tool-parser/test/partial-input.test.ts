import { describe, expect, it } from "vitest";
import { NativeToolCallParser } from "../src/index.js";
import { closePartialJson, parsePartialJson } from "../src/partial-json.js";
import { pieces } from "./run-stream.js";

function stream(text: string, partialInput: boolean) {
  const parser = new NativeToolCallParser({ partialInput });
  const events = parser.processRawChunk({ index: 0, id: "p", name: "write_to_file" });
  for (const part of pieces(text, [1, 3, 2, 4])) events.push(...parser.processRawChunk({ index: 0, arguments: part }));
  events.push(...parser.finalizeRawChunks());
  return events;
}

describe("partial input", () => {
  const text = JSON.stringify({ path: "src/a.ts", content: "const x = 1;\n".repeat(400), mode: "w" });

  it("is absent unless requested", () => {
    expect(stream(text, false).some((e) => "partialInput" in e)).toBe(false);
  });

  it("when requested, shows growing prefixes of the real value and never changes the final input", () => {
    const events = stream(text, true);
    const partials = events.flatMap((e) =>
      e.type === "tool_call_delta" && "partialInput" in e ? [e.partialInput] : [],
    );
    expect(partials.length).toBeGreaterThan(3);
    let previous = -1;
    for (const partial of partials) {
      const value = partial as { path?: string; content?: string };
      if (value.path !== undefined) expect("src/a.ts".startsWith(value.path)).toBe(true);
      const content = value.content ?? "";
      expect("const x = 1;\n".repeat(400).startsWith(content)).toBe(true);
      expect(content.length).toBeGreaterThanOrEqual(previous);
      previous = content.length;
    }
    expect(events.at(-1)).toMatchObject({ type: "tool_call_end", input: JSON.parse(text) });
  });

  it("is recomputed only after geometric growth, so the work stays linear", () => {
    const big = JSON.stringify({ content: "y".repeat(200_000) });
    const parser = new NativeToolCallParser({ partialInput: true });
    parser.processRawChunk({ index: 0, id: "g", name: "t" });
    let refreshed = 0;
    let deltas = 0;
    for (const part of pieces(big, [2])) {
      for (const event of parser.processRawChunk({ index: 0, arguments: part })) {
        deltas++;
        if ("partialInput" in event) refreshed++;
      }
    }
    expect(deltas).toBe(Math.ceil(big.length / 2));
    // log1.5(200 000 / 64) is about 20, plus the first few small steps.
    expect(refreshed).toBeLessThan(30);
  });

  it("closes truncated JSON at the last complete value, keeping a streaming string", () => {
    const cases: Array<[string, unknown]> = [
      ['{"a":', {}],
      ['{"a"', {}],
      ['{"a":"hel', { a: "hel" }],
      ['{"a":"x\\', { a: "x" }],
      ['{"a":"x\\u00', { a: "x" }],
      ['{"a":"q\\"r', { a: 'q"r' }],
      ['{"a":1,"b":[1,2', { a: 1, b: [1, 2] }],
      ['{"a":tru', {}],
      ['{"a":true,', { a: true }],
      ['{"a":{"b":{"c":null', { a: { b: { c: null } } }],
      ['[{"a":1},{"b"', [{ a: 1 }, {}]],
      ['{"a":1.', {}],
    ];
    for (const [input, expected] of cases) expect(parsePartialJson(input), input).toEqual(expected);
    expect(closePartialJson("42")).toBeUndefined();
    expect(parsePartialJson("")).toBeUndefined();
  });
});
