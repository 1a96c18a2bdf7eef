import { describe, expect, it } from "vitest";
import { parseMcpToolName } from "../src/index.js";

describe("parseMcpToolName", () => {
  it("splits the hyphen spelling", () => {
    expect(parseMcpToolName("mcp--github--create_issue")).toEqual({ server: "github", tool: "create_issue" });
    expect(parseMcpToolName("mcp--my-server--get-data")).toEqual({ server: "my-server", tool: "get-data" });
  });

  it("splits the underscore spelling models produce", () => {
    expect(parseMcpToolName("mcp__github__create_issue")).toEqual({ server: "github", tool: "create_issue" });
    expect(parseMcpToolName("mcp__my_server__tool")).toEqual({ server: "my_server", tool: "tool" });
  });

  it("returns null for other names", () => {
    for (const name of ["read_file", "mcp--server", "mcp--server--", "mcp----tool", "mcp-_a-_b", "xmcp--a--b"]) {
      expect(parseMcpToolName(name), name).toBeNull();
    }
  });
});
