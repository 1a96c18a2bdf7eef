/** One line for an error: the first line of its message, with any of `secrets` masked. */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  let text: string;
  if (error instanceof Error) text = error.message || error.name;
  else if (typeof error === "string") text = error;
  else text = String(error);
  let line = (text.split("\n").find((part) => part.trim() !== "") ?? "unknown error").trim();
  for (const secret of secrets) {
    if (secret.length >= 4) line = line.split(secret).join("[redacted]");
  }
  return line;
}
