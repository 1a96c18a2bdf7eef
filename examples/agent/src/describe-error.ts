import { redact } from "@parallel-tool-calls/core-metadata";

/** One line for an error: the first line of its message, with `secrets` and anything key-like masked. */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  let text: string;
  try {
    if (error instanceof Error) text = error.message || error.name;
    else if (typeof error === "string") text = error;
    else text = String(error);
  } catch {
    text = "an error that could not be read";
  }
  const line = (text.split("\n").find((part) => part.trim() !== "") ?? "unknown error").trim();
  return redact(line, secrets);
}
