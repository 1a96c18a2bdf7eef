import { describe, expect, it } from "vitest";
import {
  maskCredentials,
  REDACTED,
  redact,
  redactSecrets,
  redactUrl,
  secretsOfHeaders,
  secretsOfUrl,
} from "../src/index.js";

// Fakes shaped like the real thing, assembled so that no scanner mistakes this file for a leak.
const JWT = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiJraWxvIn0", "c2lnbmF0dXJlLXBhcnQ"].join(".");
const GOOGLE = `AIza${"Sy0123456789abcdefghijklmnopqrstu"}`;
const GITHUB = `ghp_${"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"}`;
const AWS = `AKIA${"IOSFODNN7EXAMPLE"}`;

describe("redactSecrets", () => {
  it("replaces every occurrence of a declared secret, also percent-encoded", () => {
    const secret = "p@ss/word+123";
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${secret}`;
    expect(redactSecrets(text, [secret])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });

  it("ignores short and missing secrets, which would redact ordinary words", () => {
    expect(redactSecrets("the key is abc", ["abc", undefined, null, ""])).toBe("the key is abc");
  });
});

describe("maskCredentials", () => {
  it.each([
    ["OpenAI-style key", "sk-proj-0123456789abcdef"],
    ["OpenRouter key", "sk-or-v1-0123456789abcdef0123"],
    ["JWT (Kilocode token)", JWT],
    ["Google API key", GOOGLE],
    ["GitHub token", GITHUB],
    ["AWS access key id", AWS],
  ])("masks a %s anywhere in the text", (_kind, token) => {
    const masked = maskCredentials(`failed with ${token}, retry`);
    expect(masked).not.toContain(token);
    expect(masked).toBe(`failed with ${REDACTED}, retry`);
  });

  it("masks bearer tokens, named secrets, URL user info and credential query parameters", () => {
    const text =
      "Bearer abc.def-123 api_key=hunter22 token: 'xyz123' x-api-key: k-998877 " +
      "https://user:pw-secret@example.com/v1?model=m&key=qwerty123";
    const masked = maskCredentials(text);
    for (const leaked of ["abc.def-123", "hunter22", "xyz123", "k-998877", "pw-secret", "qwerty123"]) {
      expect(masked).not.toContain(leaked);
    }
    expect(masked).toContain("https://[redacted]@example.com/v1?model=m&key=[redacted]");
  });

  it("keeps the scheme of a named authorization header readable", () => {
    expect(maskCredentials('{"authorization":"Bearer abc.def-123456"}')).toBe('{"authorization":"Bearer [redacted]"}');
    expect(maskCredentials("Authorization: Basic dXNlcjpwYXNzd29yZA==")).toBe("Authorization: [redacted]");
    expect(maskCredentials("Basic usage: Token expired")).toBe("Basic usage: Token expired");
  });

  it("leaves ordinary text alone", () => {
    const text = "Cannot read properties of undefined (reading 'path') at line 3: key order";
    expect(maskCredentials(text)).toBe(text);
  });

  it("stays linear on hostile input", () => {
    // Long runs that almost match every pattern; a backtracking regex would take seconds here.
    const hostile = `${"eyJ".repeat(50_000)} ${"a".repeat(100_000)}@ ${"Bearer ".repeat(20_000)}`;
    expect(maskCredentials(hostile).length).toBeGreaterThan(0);
  });
});

describe("URLs and headers", () => {
  it("lists the credentials of a URL, decoded and raw", () => {
    expect(secretsOfUrl("https://me:s%40cret-key@host.test/v1?key=AbC123xyz&model=m")).toEqual([
      "me",
      "s%40cret-key",
      "s@cret-key",
      "AbC123xyz",
    ]);
    expect(secretsOfUrl("not a url")).toEqual([]);
    expect(secretsOfUrl(undefined)).toEqual([]);
  });

  it("prints a URL without its credentials", () => {
    expect(redactUrl("https://user:KEY-123456@host.test/v1?key=qwerty123&model=m")).toBe(
      "https://[redacted]@host.test/v1?key=[redacted]&model=m",
    );
    expect(redactUrl("http://127.0.0.1:8080/v1")).toBe("http://127.0.0.1:8080/v1");
  });

  it("treats configured header values as secrets except well-known plain headers", () => {
    expect(secretsOfHeaders({ "api-key": "azure-key-123", "X-Title": "Kilo Code", Accept: "text/plain" })).toEqual([
      "azure-key-123",
    ]);
  });

  it("redact applies both rules", () => {
    expect(redact("key azure-key-123 and sk-live-0123456789", ["azure-key-123"])).toBe(
      `key ${REDACTED} and ${REDACTED}`,
    );
  });
});
