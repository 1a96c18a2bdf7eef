import { parseMcpToolName } from "@parallel-tool-calls/tool-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameTools, PROVIDER_TOOL_NAME, serverPart } from "../src/tool-names.js";

describe("nameTools", () => {
  it("keeps names that need no change", () => {
    expect([...nameTools("files", ["read_file", "list-dir"])]).toEqual([
      ["mcp--files--read_file", "read_file"],
      ["mcp--files--list-dir", "list-dir"],
    ]);
  });

  it("sanitises, keeps the separator unambiguous and resolves collisions with a hash of the original", () => {
    const names = nameTools("my server", ["read file", "read.file", "read_file", "a--b", "-edge-"]);
    const exposed = [...names.keys()];
    expect(exposed[0]).toBe("mcp--my_server--read_file"); // the plain name keeps its plain form
    expect(exposed).toContain("mcp--my_server--a-b");
    expect(exposed).toContain("mcp--my_server--_edge_");
    expect(new Set(exposed).size).toBe(5);
    for (const name of exposed) {
      expect(name).toMatch(PROVIDER_TOOL_NAME);
      expect(parseMcpToolName(name)?.server).toBe("my_server");
    }
    expect(new Set(names.values())).toEqual(new Set(["read file", "read.file", "read_file", "a--b", "-edge-"]));
  });

  it("gives a plain name the same exposed name whatever the server's order", () => {
    const a = nameTools("s", ["x.y", "x_y"]);
    const b = nameTools("s", ["x_y", "x.y"]);
    expect(a.get("mcp--s--x_y")).toBe("x_y");
    expect(b.get("mcp--s--x_y")).toBe("x_y");
  });

  it("fits long names in 64 characters, distinct even when they share a long prefix", () => {
    const long = "n".repeat(90);
    const names = [...nameTools("a-very-long-server-name-that-goes-on", [`${long}a`, `${long}b`]).keys()];
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(PROVIDER_TOOL_NAME);
    }
    expect(serverPart("a-very-long-server-name-that-goes-on").length).toBeLessThanOrEqual(24);
  });

  it("property: any names become valid, unique, parseable names that map back to each original", () => {
    const anyName = fc.string({ minLength: 1, maxLength: 100, unit: "grapheme" });
    fc.assert(
      fc.property(anyName, fc.uniqueArray(anyName, { maxLength: 30 }), (server, tools) => {
        const names = nameTools(server, tools);
        expect(names.size).toBe(tools.length);
        expect(new Set(names.values())).toEqual(new Set(tools));
        for (const name of names.keys()) {
          expect(name).toMatch(PROVIDER_TOOL_NAME);
          const parsed = parseMcpToolName(name);
          expect(parsed?.server).toBe(serverPart(server));
          expect(`mcp--${parsed?.server}--${parsed?.tool}`).toBe(name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
