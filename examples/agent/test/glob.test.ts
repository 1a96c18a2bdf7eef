import { describe, expect, it } from "vitest";
import { compileGlob } from "../src/tools/glob.js";
import { DEFAULT_WORKSPACE_LIMITS } from "../src/tools/limits.js";

// The file_pattern semantics the tools promise, with picomatch translating and RE2 matching.
describe("compileGlob", () => {
  it.each<[string, string, boolean]>([
    ["*.ts", "src/deep/a.ts", true],
    ["*.ts", "src/a.tsx", false],
    ["*.{ts,tsx}", "src/a.tsx", true],
    ["*.{ts,tsx}", "src/a.md", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/deep/a.ts", false],
    ["src/**/*.ts", "src/deep/er/a.ts", true],
    ["src/**/*.ts", "src/a.ts", true],
    ["**/*.md", "README.md", true],
    ["?.txt", "a.txt", true],
    ["?.txt", "ab.txt", false],
    ["[ab].txt", "b.txt", true],
    ["[!ab].txt", "b.txt", false],
    ["*", ".env", true],
    ["*.md", "docs/.hidden.md", true],
    ["!*.md", "!x.md", true],
    ["a(b", "a(b", true],
    ["*{,}*{,}*{,}", "anything", true],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(compileGlob(pattern, { ...DEFAULT_WORKSPACE_LIMITS })(path)).toBe(expected);
  });
});
