import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isWhitespace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from "./json-chars.js";

const COMPLETE_SCALAR = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/;

function isScalarChar(code: number): boolean {
  // Letters of true/false/null and the characters of numbers.
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 43 ||
    code === 46 ||
    code === 69
  );
}

/** Length of `text` up to `end` without a trailing incomplete escape (`\` or `\u12`). */
function withoutPartialEscape(text: string, start: number, end: number): number {
  let i = end - 1;
  let backslashes = 0;
  // A lone or odd run of trailing backslashes is an escape still waiting for its character.
  while (i >= start && text.charCodeAt(i) === BACKSLASH) {
    backslashes++;
    i--;
  }
  if (backslashes % 2 === 1) return end - 1;
  // `\u` followed by fewer than four hex digits.
  for (let back = 1; back <= 5 && end - back - 1 >= start; back++) {
    if (text.charCodeAt(end - back) === 117 /* u */ && text.charCodeAt(end - back - 1) === BACKSLASH) {
      let run = 0;
      let j = end - back - 1;
      while (j >= start && text.charCodeAt(j) === BACKSLASH) {
        run++;
        j--;
      }
      if (run % 2 === 1 && back <= 4) return end - back - 1;
      break;
    }
  }
  return end;
}

/**
 * Closes a truncated JSON object or array so that it parses: cuts back to the last point where
 * a value ended (keeping a string value that is still streaming) and appends the missing closers.
 * One pass over the text. Returns undefined when the text does not start an object or array.
 */
export function closePartialJson(text: string): string | undefined {
  const length = text.length;
  let i = 0;
  while (i < length && isWhitespace(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return undefined;

  const stack: number[] = [];
  // Whether the innermost object expects a key next (strings there are keys, not values).
  const expectKey: boolean[] = [];
  let cut = 0;
  let stringStart = -1;
  let stringIsKey = false;

  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const top = stack.length - 1;
      stringIsKey = stack[top] === OPEN_BRACE && expectKey[top] === true;
      stringStart = i;
      i++;
      let closed = false;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) i += 2;
        else if (c === QUOTE) {
          closed = true;
          break;
        } else i++;
      }
      if (!closed) break;
      i++;
      stringStart = -1;
      if (stringIsKey) expectKey[top] = false;
      else cut = i;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      stack.push(code);
      expectKey.push(code === OPEN_BRACE);
      i++;
      cut = i;
      continue;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
      expectKey.pop();
      i++;
      cut = i;
      if (stack.length === 0) break;
      continue;
    }
    if (code === COMMA) {
      const top = stack.length - 1;
      if (stack[top] === OPEN_BRACE) expectKey[top] = true;
      i++;
      continue;
    }
    if (code === COLON || isWhitespace(code)) {
      i++;
      continue;
    }
    if (isScalarChar(code)) {
      const start = i;
      while (i < length && isScalarChar(text.charCodeAt(i))) i++;
      // At the very end a scalar may still grow (`tru`, `1.`); keep it only if it already reads whole.
      if (i < length || COMPLETE_SCALAR.test(text.slice(start, i))) cut = i;
      continue;
    }
    // Not JSON: keep what parsed so far.
    break;
  }

  let prefix: string;
  if (stringStart >= 0 && !stringIsKey) {
    prefix = `${text.slice(0, withoutPartialEscape(text, stringStart + 1, length))}"`;
  } else {
    prefix = text.slice(0, cut);
  }
  let closers = "";
  for (let level = stack.length - 1; level >= 0; level--) {
    closers += stack[level] === OPEN_BRACE ? "}" : "]";
  }
  return prefix + closers;
}

/** Best-effort value of a truncated JSON object or array, for display only; undefined if none. */
export function parsePartialJson(text: string): unknown {
  const closed = closePartialJson(text);
  if (closed === undefined) return undefined;
  try {
    return JSON.parse(closed);
  } catch {
    return undefined;
  }
}
