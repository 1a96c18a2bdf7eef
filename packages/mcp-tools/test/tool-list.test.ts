import { ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { waitFor } from "@parallel-tool-calls/testing/vitest";
import { parseMcpToolName } from "@parallel-tool-calls/tool-parser";
import { describe, expect, it } from "vitest";
import { connectMcpServers } from "../src/index.js";
import { runCalls, testServerConfig, useToolSets } from "./helpers.js";

const track = useToolSets();

// Each test starts real server processes: generous on a loaded machine.
describe("the tool list", { timeout: 90_000 }, () => {
  it("changes only on refresh, between turns: a turn's registry keeps the tools it started with", async () => {
    const mcp = track(await connectMcpServers([testServerConfig()]));
    const before = new ToolRegistry(mcp.tools);
    const [added] = await runCalls(before, [
      { id: "1", name: "mcp--test--set_tool", args: { name: "fresh", present: true } },
    ]).done;
    expect(added?.content).toBe("fresh added");
    await waitFor(() => mcp.stale, 5_000);
    // Not yet: the set's tools are a snapshot until refresh.
    expect(mcp.tools.map((t) => t.name)).not.toContain("mcp--test--fresh");
    expect(await mcp.refresh()).toBe(true);
    expect(mcp.stale).toBe(false);
    const after = new ToolRegistry(mcp.tools);
    expect(after.has("mcp--test--fresh")).toBe(true);
    expect(before.has("mcp--test--fresh")).toBe(false);
    expect(await mcp.refresh()).toBe(false);

    // A tool removed on the server: the old registry still offers it, and calling it is an error
    // result from the server, not a hang; after refresh it is gone.
    const results = await runCalls(after, [
      { id: "2", name: "mcp--test--set_tool", args: { name: "fresh", present: false } },
      { id: "3", name: "mcp--test--fresh", args: {} },
    ]).done;
    expect(results.map((r) => r.status)).toEqual(["ok", "error"]);
    expect(results[1]?.content).toContain("Unknown tool: fresh");
    await waitFor(() => mcp.stale, 5_000);
    expect(await mcp.refresh()).toBe(true);
    expect(mcp.tools.map((t) => t.name)).not.toContain("mcp--test--fresh");
  });

  it("names awkward tool names for every provider and maps each call back to its exact tool", async () => {
    const mcp = track(await connectMcpServers([testServerConfig("my server", { awkwardNames: true })]));
    const [summary] = mcp.servers;
    expect(summary?.skipped).toEqual([]);
    const awkward = (summary?.tools ?? []).filter(
      (name) => mcp.lookup(name)?.tool !== name.slice("mcp--my_server--".length),
    );
    expect(awkward.length).toBeGreaterThanOrEqual(7);
    const registry = new ToolRegistry(mcp.tools);
    const calls = awkward.map((name, i) => ({ id: `c${i}`, name, args: {} }));
    const results = await runCalls(
      registry,
      calls.filter((c) => !c.name.includes("schema_2020")),
    ).done;
    for (const result of results) {
      expect(result.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(parseMcpToolName(result.name)?.server).toBe("my_server");
      // Each awkward tool answers with its own name: the call reached exactly that tool.
      expect(result.content).toBe(mcp.lookup(result.name)?.tool);
    }
  });

  it("validates against a 2020-12 input schema like any other tool", async () => {
    const mcp = track(await connectMcpServers([testServerConfig("t", { awkwardNames: true })], {}));
    const results = await runCalls(new ToolRegistry(mcp.tools), [
      { id: "1", name: "mcp--t--schema_2020", args: { count: 0 } },
      { id: "2", name: "mcp--t--schema_2020", args: { count: 2 } },
    ]).done;
    expect(results.map((r) => r.status)).toEqual(["invalid", "ok"]);
    expect(results[1]?.content).toBe("count 2");
  });

  it("include keeps only the named tools", async () => {
    const mcp = track(await connectMcpServers([testServerConfig("t", {}, { include: ["echo", "noop"] })]));
    expect(mcp.tools.map((t) => t.name)).toEqual(["mcp--t--echo", "mcp--t--noop"]);
  });
});
