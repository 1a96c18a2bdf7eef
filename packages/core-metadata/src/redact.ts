/**
 * The one redaction module of the project: every error message, report and log line that may carry
 * a credential goes through it. Two complementary rules:
 * - known secrets (a handler's key, configured header values, credentials of the base URL) are
 *   replaced wherever they appear, also percent-encoded;
 * - text that looks like a credential (provider keys, bearer tokens, JWTs, Google / GitHub / AWS
 *   keys, `api_key=…`, URL user info, `?key=…`) is masked even when nobody declared it.
 */

/** What a masked credential or declared secret is replaced with. */
export const REDACTED = "[redacted]";

/** Shorter declared secrets are ignored: they would redact ordinary words. */
const MIN_SECRET_LENGTH = 6;

// Each pattern is linear (no nested quantifiers) so that hostile text cannot make masking slow.
const TOKEN_PATTERNS: readonly RegExp[] = [
  // OpenAI / OpenRouter / Anthropic style keys: sk-…, sk-or-v1-…, sk-ant-…, pk-…, rk-…
  /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}/g,
  // JWTs (Kilocode tokens): three base64url parts, the first one a JSON object.
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // Google API keys.
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  // GitHub tokens.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  // AWS access key ids.
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  // Slack tokens.
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
];
// Only "Bearer" is masked in free text: "Basic" and "Token" are ordinary words too (named headers are below).
const AUTH_SCHEME = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
// `user:password@` (or `token@`) in any URL.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi;
// Credential-like query parameters: ?key=…, &api_key=…, &token=…, &sig=…
const QUERY_SECRET =
  /([?&](?:key|api[_-]?key|apikey|token|access[_-]?token|auth|secret|password|sig|signature)=)[^&\s#"'<>]+/gi;
// `api_key=…`, `token: "…"`, `x-api-key: …`, `password=…` in free text (a Bearer value is left to AUTH_SCHEME).
const NAMED_SECRET =
  /\b(api[_-]?key|access[_-]?token|refresh[_-]?token|token|authorization|password|passwd|secret|client[_-]?secret)(["']?\s*[:=]\s*["']?)(?!Bearer\s)(?:(?:Basic|Token)\s+)?[^\s"',;&]+/gi;

/** Replaces every occurrence of each declared secret (and of its percent-encoded form). */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join(REDACTED);
  }
  return result;
}

/** Masks anything that looks like a credential, declared or not. */
export function maskCredentials(text: string): string {
  let result = text;
  for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, REDACTED);
  return result
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_USER_INFO, (_match, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(QUERY_SECRET, (_match, name: string) => `${name}${REDACTED}`)
    .replace(NAMED_SECRET, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`);
}

/** Both rules: declared secrets first (exact), then credential-looking text. */
export function redact(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  return maskCredentials(redactSecrets(text, secrets));
}

const SECRET_QUERY_NAME = /^(?:key|api[_-]?key|apikey|token|access[_-]?token|auth|secret|password|sig|signature)$/i;

/**
 * The credentials a URL carries: user name and password of its user info, and the values of
 * credential-like query parameters (`key`, `api_key`, `token`, …), decoded. Never throws.
 */
export function secretsOfUrl(url: string | undefined): string[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  const add = (value: string) => {
    if (value === "") return;
    secrets.push(value);
    try {
      const decoded = decodeURIComponent(value);
      if (decoded !== value) secrets.push(decoded);
    } catch {
      // A malformed escape: the raw value is already listed.
    }
  };
  add(parsed.username);
  add(parsed.password);
  for (const [name, value] of parsed.searchParams) if (SECRET_QUERY_NAME.test(name)) add(value);
  return secrets;
}

/** A URL safe to print: user info and credential-like query values replaced. */
export function redactUrl(url: string): string {
  return redact(url, secretsOfUrl(url));
}

// Headers that configure the request, never a credential: their values stay readable.
const PLAIN_HEADERS = new Set([
  "accept",
  "content-type",
  "user-agent",
  "http-referer",
  "referer",
  "x-title",
  "anthropic-beta",
]);

/** The values of configured headers that may be credentials (every header but a few well-known plain ones). */
export function secretsOfHeaders(headers: Record<string, string | null | undefined> | undefined): string[] {
  if (!headers) return [];
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" && !PLAIN_HEADERS.has(name.toLowerCase())) secrets.push(value);
  }
  return secrets;
}
