import type { ContentPiece } from "./content-parts.js";

const OPEN = "<think>";
const CLOSE = "</think>";
/** How much leading whitespace is held while waiting to see whether content opens with `<think>`. */
const MAX_LEADING_WHITESPACE = 256;

/** Length of the longest suffix of `text` that is a proper prefix of `tag` (a tag split across chunks). */
function partialTagAtEnd(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

/**
 * Splits DeepSeek-R1-style `<think>…</think>` out of streamed answer text, as some hosts send it
 * inside `content` instead of a reasoning field. Only a reply that OPENS with `<think>` (after
 * whitespace) is split, so an answer that merely talks about the tag later on stays text. Tags
 * may arrive split across chunks: a possible partial tag is held back (at most a few characters)
 * until the next chunk decides it. Whitespace right after `</think>` is dropped from the answer.
 */
export class ThinkTagSplitter {
  private state: "start" | "thinking" | "after-close" | "text" = "start";
  private held = "";

  push(text: string): ContentPiece[] {
    const out: ContentPiece[] = [];
    this.feed(this.held + text, out);
    return out;
  }

  /** At the end of the stream: whatever is still held (an unclosed think block stays reasoning). */
  flush(): ContentPiece[] {
    const rest = this.held;
    this.held = "";
    if (rest === "") return [];
    return [{ kind: this.state === "thinking" ? "reasoning" : "text", text: rest }];
  }

  private feed(input: string, out: ContentPiece[]): void {
    this.held = "";
    if (this.state === "start") {
      const trimmed = input.trimStart();
      if (trimmed.startsWith(OPEN)) {
        this.state = "thinking";
        input = trimmed.slice(OPEN.length);
      } else if (OPEN.startsWith(trimmed) && input.length <= MAX_LEADING_WHITESPACE) {
        this.held = input; // still undecided: "", whitespace, or a prefix of "<think>"
        return;
      } else {
        this.state = "text";
      }
    }
    if (this.state === "thinking") {
      const close = input.indexOf(CLOSE);
      if (close === -1) {
        const keep = partialTagAtEnd(input, CLOSE);
        const reasoning = input.slice(0, input.length - keep);
        if (reasoning !== "") out.push({ kind: "reasoning", text: reasoning });
        this.held = input.slice(input.length - keep);
        return;
      }
      if (close > 0) out.push({ kind: "reasoning", text: input.slice(0, close) });
      this.state = "after-close";
      input = input.slice(close + CLOSE.length);
    }
    if (this.state === "after-close") {
      input = input.trimStart();
      if (input === "") return;
      this.state = "text";
    }
    if (input !== "") out.push({ kind: "text", text: input });
  }
}
