import { redactSecrets } from "@parallel-tool-calls/core-metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readUpstreamErrorDetails, retryAfterFromHeaders } from "../src/upstream-error-details.js";

describe("readUpstreamErrorDetails", () => {
  it("prefers the upstream message wrapped in metadata.raw, in each shape providers use", () => {
    const wrap = (raw: unknown) => ({ message: "Provider returned error", metadata: { raw, provider_name: "X" } });
    expect(readUpstreamErrorDetails(wrap('{"error":{"message":"deep"}}')).message).toBe("deep");
    expect(readUpstreamErrorDetails(wrap('{"error":"flat"}')).message).toBe("flat");
    expect(readUpstreamErrorDetails(wrap('{"detail":"fastapi"}')).message).toBe("fastapi");
    expect(readUpstreamErrorDetails(wrap('{"message":"top"}')).message).toBe("top");
    expect(readUpstreamErrorDetails(wrap("not json at all")).message).toBe("not json at all");
    expect(readUpstreamErrorDetails(wrap({ error: { message: "object raw" } })).message).toBe("object raw");
    expect(readUpstreamErrorDetails(wrap('{"other":1}')).message).toBe("Provider returned error");
    expect(readUpstreamErrorDetails(wrap(undefined))).toEqual({
      message: "Provider returned error",
      providerName: "X",
    });
  });

  it("reads the RetryInfo delay and tolerates junk", () => {
    const raw = JSON.stringify({ error: { message: "m", details: [{ other: 1 }, { retryDelay: "12s" }] } });
    expect(readUpstreamErrorDetails({ metadata: { raw } }).retryAfterMs).toBe(12_000);
    for (const junk of [null, 3, "x", [], { metadata: "x" }, { metadata: { raw: "{" } }]) {
      expect(() => readUpstreamErrorDetails(junk)).not.toThrow();
    }
  });
});

describe("retryAfterFromHeaders", () => {
  it("reads retry-after-ms, then retry-after in seconds or as an HTTP date", () => {
    expect(retryAfterFromHeaders(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "1.5" }))).toBe(1500);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterFromHeaders(undefined)).toBeUndefined();
  });
});

describe("redactSecrets", () => {
  it("removes every occurrence of every secret, whatever surrounds it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 40 }), fc.array(fc.string()), (secret, parts) => {
        const text = parts.join(secret);
        const redacted = redactSecrets(text, [secret, undefined]);
        if (parts.length > 1) expect(redacted).toContain("[redacted]");
        expect(redacted.split("[redacted]").join("")).not.toContain(secret);
      }),
    );
  });
});
