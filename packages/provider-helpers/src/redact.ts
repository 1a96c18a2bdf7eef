const REPLACEMENT = "[redacted]";
// Shorter values would redact ordinary words; real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 6;

/** Replaces every occurrence of each secret in `text`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REPLACEMENT);
  }
  return result;
}
