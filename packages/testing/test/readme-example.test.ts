import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const example = fileURLToPath(new URL("../examples/readme.mjs", import.meta.url));

describe("README example", () => {
  it("runs against the built package and prints the reassembled tool-call arguments", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [example], { timeout: 20_000 });
    expect(stdout.trim().split("\n")).toEqual(['{"path":"a.ts"} {"path":"b.ts"}', "Bearer test-key test/model"]);
  });
});

describe("built CommonJS entry", () => {
  it("exposes the same API to require()", async () => {
    const { createRequire } = await import("node:module");
    const cjs = createRequire(import.meta.url)("@parallel-tool-calls/testing");
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(await import("../src/index.js")).sort());
    const server = await cjs.startTestServer();
    await server.close();
    expect(server.port).toBeGreaterThan(0);
  });
});
