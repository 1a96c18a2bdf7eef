import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseDecoder, SseEventTooLargeError } from "../src/sse-decoder.js";

function decodeAll(parts: string[], max = 1_000_000) {
  const decoder = new SseDecoder(max);
  return parts.flatMap((part) => decoder.push(part));
}

describe("SseDecoder", () => {
  it("dispatches on blank lines, joins data lines, keeps the event name, skips comments", () => {
    const text = ': keep-alive\n\ndata: {"a":1}\n\nevent: error\ndata: line 1\ndata:line 2\nid: 7\nretry: 10\n\n';
    expect(decodeAll([text])).toEqual([{ data: '{"a":1}' }, { event: "error", data: "line 1\nline 2" }]);
  });

  it("accepts \\n, \\r\\n and \\r line breaks, also split across chunks", () => {
    expect(decodeAll(["data: a\r", "\n\r", "\ndata: b\r\rdata: c\n", "\n"])).toEqual([
      { data: "a" },
      { data: "b" },
      { data: "c" },
    ]);
  });

  it("gives the same events however the text is split (property)", () => {
    const events = fc.array(
      fc.string({ unit: "grapheme-ascii" }).filter((s) => !/[\r\n]/.test(s) && s !== ""),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(
        events,
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 10 }),
        (data, eol, cuts) => {
          const text = data.map((d) => `data: ${d}${eol}${eol}`).join("");
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parts: string[] = [];
          let last = 0;
          for (const point of points) {
            parts.push(text.slice(last, point));
            last = point;
          }
          parts.push(text.slice(last));
          // One leading space after "data:" is dropped, so values that start with a space survive too.
          expect(decodeAll(parts).map((m) => m.data)).toEqual(data);
        },
      ),
    );
  });

  it("counts complete lines, the idle timer's sign of life", () => {
    const decoder = new SseDecoder(100);
    decoder.push("data: par");
    expect(decoder.lines).toBe(0);
    decoder.push("tial\n: ping\n");
    expect(decoder.lines).toBe(2);
  });

  it("refuses an event, or an unfinished line, above the limit before buffering more", () => {
    const decoder = new SseDecoder(20);
    expect(() => decoder.push(`data: ${"x".repeat(30)}`)).toThrow(SseEventTooLargeError);
    const lines = new SseDecoder(20);
    lines.push("data: 0123456789\n");
    expect(() => lines.push("data: 0123456789\n")).toThrow(SseEventTooLargeError);
  });
});
