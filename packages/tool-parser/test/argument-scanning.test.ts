import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentBuffer } from "../src/argument-buffer.js";
import { JsonCompletenessScanner } from "../src/json-scanner.js";

/** Character-by-character reference for what the scanner reports (the obvious, slow way). */
function reference(text: string): { complete: boolean; containers: number } {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let containers = 0;
  let irregular = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      if (depth === 0) irregular = true;
    } else if (char === "{" || char === "[") {
      depth++;
    } else if (char === "}" || char === "]") {
      if (depth === 0) irregular = true;
      else if (--depth === 0) containers++;
    } else if (depth === 0 && !" \n\r\t".includes(char)) {
      irregular = true;
    }
  }
  return { complete: containers === 1 && depth === 0 && !inString && !irregular, containers };
}

// Few distinct characters, so that quotes, escapes and nesting meet often.
const jsonish = fc
  .array(fc.constantFrom('"', "\\", "\\", "{", "}", "[", "]", "a", " ", ":", ","), { maxLength: 40 })
  .map((chars) => chars.join(""));

/** Cuts `text` at the given fractions. */
function cut(text: string, fractions: number[]): string[] {
  const points = fractions.map((f) => Math.floor(f * text.length)).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    out.push(text.slice(from, point));
    from = point;
  }
  return out;
}

describe("JsonCompletenessScanner", () => {
  it("reports the same as the reference however the text is split, escapes and quotes included", () => {
    fc.assert(
      fc.property(jsonish, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (text, at) => {
        const scanner = new JsonCompletenessScanner();
        // Every other piece is fed from an offset into a longer string, as sealed blocks are.
        for (const [i, piece] of cut(text, at).entries()) {
          if (i % 2 === 0) scanner.feed(piece, 0);
          else scanner.feed(`xx${piece}`, 2);
        }
        const expected = reference(text);
        expect(scanner.isOneCompleteValue).toBe(expected.complete);
        expect(scanner.topLevelContainers).toBe(expected.containers);
      }),
    );
  });

  it("sees an escaped quote inside a string, even when the backslash arrived in the previous piece", () => {
    const scanner = new JsonCompletenessScanner();
    for (const piece of ['{"a":"x\\', '"', '}"', "}"]) scanner.feed(piece, 0);
    expect(scanner.isOneCompleteValue).toBe(true);
    const early = new JsonCompletenessScanner();
    for (const piece of ['{"a":"x\\\\', '"', "}"]) early.feed(piece, 0);
    expect(early.isOneCompleteValue).toBe(true);
  });
});

describe("ArgumentBuffer", () => {
  it("keeps every fragment in order and a scanner state equal to scanning the whole text, across blocks", () => {
    const op = fc.oneof(
      { weight: 8, arbitrary: fc.record({ append: jsonish, times: fc.integer({ min: 1, max: 400 }) }) },
      { weight: 1, arbitrary: fc.constant({ scan: true as const }) },
      { weight: 1, arbitrary: fc.constant({ text: true as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const buffer = new ArgumentBuffer(new JsonCompletenessScanner());
        let expected = "";
        for (const step of ops) {
          if ("append" in step) {
            // Repeating a fragment many times crosses the 1024-fragment block boundary.
            for (let i = 0; i < step.times; i++) {
              buffer.append(step.append);
              expected += step.append;
            }
          } else if ("scan" in step) {
            expect(buffer.scanned().topLevelContainers).toBe(reference(expected).containers);
          } else {
            expect(buffer.text()).toBe(expected);
          }
          expect(buffer.length).toBe(expected.length);
        }
        expect(buffer.text()).toBe(expected);
        const scanner = buffer.scanned();
        expect(scanner.isOneCompleteValue).toBe(reference(expected).complete);
        expect(scanner.topLevelContainers).toBe(reference(expected).containers);
        buffer.release();
        expect(buffer.length).toBe(expected.length);
      }),
      { numRuns: 60 },
    );
  });
});
