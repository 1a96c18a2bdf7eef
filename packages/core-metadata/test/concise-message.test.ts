import { describe, expect, it } from "vitest";
import { conciseMessage } from "../src/index.js";

describe("conciseMessage", () => {
  it("keeps the first non-empty line of an error message and never the stack", () => {
    const error = new Error("\nfirst line\nsecond line");
    expect(conciseMessage(error)).toBe("first line");
    expect(conciseMessage(error)).not.toContain("at ");
  });

  it("describes non-Error values and empty messages", () => {
    expect(conciseMessage("plain")).toBe("plain");
    expect(conciseMessage({ code: 7 })).toBe('{"code":7}');
    expect(conciseMessage(new Error(""))).toBe("Error");
    expect(conciseMessage(undefined)).toBe("undefined");
    expect(conciseMessage("")).toBe("unknown error");
  });

  it("masks key-like tokens, bearer tokens and named secrets", () => {
    const text = conciseMessage("sk-or-v1-0123456789abcdef failed; Bearer abc.def; api_key=hunter2; token: 'xyz'");
    expect(text).not.toMatch(/0123456789abcdef|abc\.def|hunter2|xyz/);
    expect(text).toBe("[redacted] failed; Bearer [redacted]; api_key=[redacted]; token: '[redacted]'");
  });

  it("replaces declared secrets too", () => {
    const secret = "my-private-token-42";
    expect(conciseMessage(new Error(`auth with ${secret} refused`), [secret])).toBe("auth with [redacted] refused");
  });

  it("bounds the length", () => {
    expect(conciseMessage("x".repeat(1000)).length).toBe(300);
  });
});
