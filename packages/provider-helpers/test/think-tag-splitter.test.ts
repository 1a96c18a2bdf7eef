import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ThinkTagSplitter } from "../src/think-tag-splitter.js";

/** Feeds `text` cut at `cuts` and joins what comes out, per kind. */
function split(text: string, cuts: number[]): { text: string; reasoning: string } {
  const at = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  const splitter = new ThinkTagSplitter();
  const pieces = at.slice(1).flatMap((end, i) => splitter.push(text.slice(at[i], end)));
  pieces.push(...splitter.flush());
  return {
    text: pieces
      .filter((p) => p.kind === "text")
      .map((p) => p.text)
      .join(""),
    reasoning: pieces
      .filter((p) => p.kind === "reasoning")
      .map((p) => p.text)
      .join(""),
  };
}

// Characters that make tags likely: fragments of both tags, whitespace, plain letters.
const tagAlphabet = fc.constantFrom("<", ">", "/", "t", "h", "i", "n", "k", " ", "\n", "a", "<think>", "</think>");

describe("ThinkTagSplitter", () => {
  it("gives the same result however the text is cut into chunks", () => {
    fc.assert(
      fc.property(
        fc.array(tagAlphabet, { maxLength: 40 }).map((parts) => parts.join("")),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, cuts) => {
          expect(
            split(
              text,
              cuts.map((c) => c % (text.length + 1)),
            ),
          ).toEqual(split(text, []));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("loses nothing: a reply not opening with <think> comes out unchanged as text", () => {
    fc.assert(
      fc.property(
        fc
          .array(tagAlphabet, { maxLength: 40 })
          .map((parts) => parts.join(""))
          .filter((t) => !t.trimStart().startsWith("<think>")),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, cuts) => {
          expect(
            split(
              text,
              cuts.map((c) => c % (text.length + 1)),
            ),
          ).toEqual({ text, reasoning: "" });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("splits a leading block into reasoning and answer, only the whitespace around the tags dropped", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (thought, answer) => {
        fc.pre(!thought.includes("</think>") && !/^\s/.test(answer));
        expect(split(` <think>${thought}</think>\n\n${answer}`, [3, 9, 15])).toEqual({
          text: answer,
          reasoning: thought,
        });
      }),
    );
  });
});
