const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
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

  feed(text: string): void {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
        continue;
      }
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
