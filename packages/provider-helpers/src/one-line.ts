// Upstream texts can be whole HTML pages or stack traces; an error message stays one short line.
const MAX_LENGTH = 300;

/** Whitespace (newlines included) collapsed to single spaces, cut at 300 characters. Redact first. */
export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
