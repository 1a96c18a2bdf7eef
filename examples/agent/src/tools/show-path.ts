const MAX_SHOWN_INPUT_CHARS = 160;

// Control characters (C0, DEL, C1), line/paragraph separators, quotes, backslashes and colons
// (search answers are `path:line: text`) would make a name ambiguous when shown raw.
const NEEDS_QUOTING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"\\:]|^\s|\s$/;

/**
 * A workspace-relative path as the tools show it: raw when that is unambiguous, otherwise as a JSON
 * string (`"a\nb.txt"`), so one name is always one line and one entry.
 */
export function showPath(relative: string): string {
  return NEEDS_QUOTING.test(relative) ? JSON.stringify(relative) : relative;
}

/** A path the model sent, for an error message: shown like `showPath`, and cut when long. */
export function showInput(path: string): string {
  const cut = path.length > MAX_SHOWN_INPUT_CHARS ? `${path.slice(0, MAX_SHOWN_INPUT_CHARS)}…` : path;
  return showPath(cut);
}

/** Any text as one line: control characters and line separators escaped as in JSON. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => JSON.stringify(char).slice(1, -1));
}
