const MAX_SHOWN_INPUT_CHARS = 160;

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
function isLineBreaking(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

// Quotes and backslashes would clash with the JSON quoting; colons with `path:line: text` answers.
const CLASHING = new Set(['"', "\\", ":"]);

function needsQuoting(name: string): boolean {
  if (name.trim() !== name) return true;
  for (let i = 0; i < name.length; i++) {
    if (isLineBreaking(name.charCodeAt(i)) || CLASHING.has(name[i] as string)) return true;
  }
  return false;
}

/** A JSON string literal that also escapes C1 controls and U+2028/U+2029, which JSON leaves raw. */
function quote(text: string): string {
  let out = "";
  for (const char of JSON.stringify(text)) {
    const code = char.charCodeAt(0);
    out += code >= 0x7f && isLineBreaking(code) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}

/**
 * A workspace-relative path as the tools show it: raw when that is unambiguous, otherwise as a JSON
 * string (`"a\nb.txt"`), so one name is always one line and one entry.
 */
export function showPath(relative: string): string {
  return needsQuoting(relative) ? quote(relative) : relative;
}

/** A path the model sent, for an error message: shown like `showPath`, and cut when long. */
export function showInput(path: string): string {
  const cut = path.length > MAX_SHOWN_INPUT_CHARS ? `${path.slice(0, MAX_SHOWN_INPUT_CHARS)}…` : path;
  return showPath(cut);
}

/** Any text as one line: control characters and line separators escaped as in JSON. */
export function oneLine(text: string): string {
  let out = "";
  for (const char of text) {
    out += isLineBreaking(char.charCodeAt(0)) ? quote(char).slice(1, -1) : char;
  }
  return out;
}
