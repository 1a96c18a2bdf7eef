const MAX_LENGTH = 300;

// Credentials that providers and HTTP libraries tend to echo into error messages.
const KEY_LIKE = /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
const NAMED_SECRET = /\b(api[_-]?key|token|authorization|password|secret)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi;

function redact(line: string): string {
  return line
    .replace(KEY_LIKE, "[redacted]")
    .replace(BEARER, "Bearer [redacted]")
    .replace(NAMED_SECRET, (_match, key: string, separator: string) => `${key}${separator}[redacted]`);
}

function textOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * One short line describing `error` for a tool result the model will read: the first line of the
 * message only (never a stack trace), credentials masked, length bounded.
 */
export function conciseMessage(error: unknown): string {
  const firstLine = (
    textOf(error)
      .split("\n")
      .find((part) => part.trim() !== "") ?? ""
  ).trim();
  if (firstLine === "") return "unknown error";
  const line = redact(firstLine);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
