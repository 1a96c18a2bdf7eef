import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, isWhitespace, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-chars.js";

/** Whether the backslashes right before `end` (not looking before `from`) are an odd run: the next character is escaped. */
function oddBackslashRunBefore(text: string, end: number, from: number): boolean {
  let i = end - 1;
  while (i >= from && text.charCodeAt(i) === BACKSLASH) i--;
  return (end - 1 - i) % 2 === 1;
}

/**
 * Incremental lexical scanner over a call's argument text: each byte is looked at once, across
 * fragments, to know whether the text so far is exactly one complete JSON object or array.
 * It does not validate JSON (the single final `JSON.parse` does); it only tracks nesting,
 * strings and escapes.
 */
export class JsonCompletenessScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Top-level containers closed so far (two or more: `{}{…}` or merged calls). */
  private containers = 0;
  /** Something other than a container or whitespace at the top level, or a stray closer. */
  private irregular = false;

  /** Scans `text` from `start` on (the characters before it were already scanned). */
  feed(text: string, start: number): void {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const length = text.length;
    let i = start;
    while (i < length) {
      if (inString) {
        // Most argument bytes are string content: jump to the next quote and look back for the
        // backslashes that could escape it, instead of inspecting every character.
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          escaped = oddBackslashRunBefore(text, length, i);
          break;
        }
        if (!oddBackslashRunBefore(text, quote, i)) inString = false;
        i = quote + 1;
        continue;
      }
      const code = text.charCodeAt(i++);
      if (code === QUOTE) {
        inString = true;
        if (depth === 0) this.irregular = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 0) {
          this.irregular = true;
        } else {
          depth--;
          if (depth === 0) this.containers++;
        }
      } else if (depth === 0 && !isWhitespace(code)) {
        this.irregular = true;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
  }

  /** The text is one closed object or array, with at most whitespace around it. */
  get isOneCompleteValue(): boolean {
    return this.containers === 1 && this.depth === 0 && !this.inString && !this.irregular;
  }

  /** Number of top-level objects or arrays closed so far. */
  get topLevelContainers(): number {
    return this.containers;
  }
}

/** Whether a fragment's first non-whitespace character opens an object or array. */
export function startsContainer(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    return code === OPEN_BRACE || code === OPEN_BRACKET;
  }
  return false;
}

/** Whether a string holds only JSON whitespace. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isWhitespace(text.charCodeAt(i))) return false;
  }
  return true;
}
