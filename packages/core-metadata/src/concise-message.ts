import { redact } from "./redact.js";

const MAX_LENGTH = 300;
// Only the start of a huge message is looked at: its first line is all that is kept anyway.
const MAX_SCANNED = 10_000;
const UNREADABLE = "a thrown value that could not be read";

/** Reads a property without letting a throwing getter or a revoked proxy escape. */
function safeGet(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isError(value: unknown): value is Error {
  try {
    return value instanceof Error;
  } catch {
    // instanceof on a revoked proxy throws.
    return false;
  }
}

function textOf(error: unknown): string {
  if (typeof error === "string") return error;
  if (isError(error)) {
    const message = safeGet(error, "message");
    if (typeof message === "string" && message !== "") return message;
    const name = safeGet(error, "name");
    return typeof name === "string" && name !== "" ? name : "Error";
  }
  try {
    const json = JSON.stringify(error);
    if (typeof json === "string") return json;
  } catch {
    // Cycles, BigInt, throwing getters or toJSON: fall back to String().
  }
  try {
    return String(error);
  } catch {
    return UNREADABLE;
  }
}

/**
 * One short line describing `error`, for a tool result the model reads, a log or a CLI: the first
 * line of the message only (never a stack trace), `secrets` and anything shaped like a credential
 * masked ({@link redact}), at most 300 characters. Never throws, whatever `error` is (revoked
 * proxies, throwing getters, `toString` or `toJSON` included).
 */
export function conciseMessage(error: unknown, secrets: readonly (string | null | undefined)[] = []): string {
  let text: string;
  try {
    text = textOf(error);
  } catch {
    text = UNREADABLE;
  }
  const head = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  const firstLine = (head.split("\n").find((part) => part.trim() !== "") ?? "").trim();
  if (firstLine === "") return "unknown error";
  const line = redact(firstLine, secrets);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
