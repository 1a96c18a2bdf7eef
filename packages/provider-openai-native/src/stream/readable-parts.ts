import type { ApiStreamReasoningChunk, ApiStreamTextChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

type Readable = ApiStreamTextChunk | ApiStreamReasoningChunk;
type Kind = Readable["type"];

/**
 * The readable text of a response (answer text, reasoning summaries, raw reasoning text), keyed by
 * output item and part so that a `.done` event or the done item supplies only what no delta did
 * (some hosts stream no deltas). Summary parts of one reasoning item are separated by a blank line.
 */
export class ReadableParts {
  // `<output index>:<part key>` of every part that produced text, and the text it produced.
  readonly #streamed = new Map<string, string>();
  // Output indices whose reasoning or text produced anything, for the part separator and the done item.
  readonly #items = new Set<number>();

  *delta(kind: Kind, index: number, part: string, text: unknown): Generator<Readable> {
    if (typeof text !== "string" || text === "") return;
    const key = `${index}:${part}`;
    // A new summary part of a reasoning item that already streamed one.
    if (kind === "reasoning" && !this.#streamed.has(key) && this.#items.has(index)) yield { type: kind, text: "\n\n" };
    this.#streamed.set(key, (this.#streamed.get(key) ?? "") + text);
    this.#items.add(index);
    yield { type: kind, text };
  }

  /** A part's `.done` text, yielded only when no delta of that part arrived. */
  *partDone(kind: Kind, index: number, part: string, text: unknown): Generator<Readable> {
    if (!this.#streamed.has(`${index}:${part}`)) yield* this.delta(kind, index, part, text);
  }

  /**
   * The done item's text: a message's `output_text` beyond what its deltas brought (the done item is
   * authoritative; some hosts send short or no deltas), a reasoning `summary` when nothing streamed.
   */
  *itemDone(index: number, item: Record<string, unknown>): Generator<Readable> {
    const message = item.type === "message";
    if (message && Array.isArray(item.content)) {
      for (const [i, part] of item.content.entries()) {
        if (!isRecord(part) || part.type !== "output_text" || typeof part.text !== "string") continue;
        const streamed = this.#streamed.get(`${index}:text:${i}`) ?? "";
        if (part.text.length > streamed.length && part.text.startsWith(streamed)) {
          yield* this.delta("text", index, `text:${i}`, part.text.slice(streamed.length));
        }
      }
      return;
    }
    if (message || this.#items.has(index) || !Array.isArray(item.summary)) return;
    for (const [i, part] of item.summary.entries()) {
      if (isRecord(part) && part.type === "summary_text")
        yield* this.delta("reasoning", index, `summary:${i}`, part.text);
    }
  }
}
