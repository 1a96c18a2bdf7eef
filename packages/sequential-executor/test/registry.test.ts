import { describe, expect, it, vi } from "vitest";
import { defineTool, ToolDefinitionError, ToolRegistry } from "../src/index.js";

const readFile = defineTool<{ path: string }>({
  name: "read_file",
  description: "Reads a file",
  parameters: {
    type: "object",
    properties: { path: { type: "string", minLength: 1 } },
    required: ["path"],
    additionalProperties: false,
  },
  execute: (input) => `contents of ${input.path}`,
});

function definitionError(fn: () => unknown): ToolDefinitionError {
  try {
    fn();
  } catch (error) {
    if (ToolDefinitionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ToolDefinitionError");
}

describe("defineTool", () => {
  it("rejects names the OpenAI API would refuse, with a typed error", () => {
    const error = definitionError(() =>
      defineTool({ name: "read file", description: "", parameters: { type: "object" }, execute: () => "" }),
    );
    expect(error.code).toBe("invalid_tool_definition");
    expect(error.message).toContain("read file");
  });

  it("rejects parameters that do not describe an object and missing execute functions", () => {
    expect(
      definitionError(() =>
        defineTool({ name: "a", description: "", parameters: { type: "string" }, execute: () => "" }),
      ).code,
    ).toBe("invalid_tool_definition");
    expect(
      definitionError(() =>
        defineTool({ name: "a", description: "", parameters: { type: "object" } } as unknown as Parameters<
          typeof defineTool
        >[0]),
      ).toolName,
    ).toBe("a");
  });
});

describe("ToolRegistry", () => {
  it("looks tools up by name and lists names in definition order", () => {
    const other = defineTool({
      name: "list_files",
      description: "Lists",
      parameters: { type: "object" },
      execute: () => "",
    });
    const registry = new ToolRegistry([readFile, other]);
    expect(registry.names()).toEqual(["read_file", "list_files"]);
    expect(registry.get("read_file")).toBe(readFile);
    expect(registry.get("nope")).toBeUndefined();
    expect(registry.has("list_files")).toBe(true);
  });

  it("produces the OpenAI tools array for the request metadata", () => {
    expect(new ToolRegistry([readFile]).toOpenAITools()).toEqual([
      {
        type: "function",
        function: { name: "read_file", description: "Reads a file", parameters: readFile.parameters },
      },
    ]);
  });

  it("validates input against the schema and says what is wrong", () => {
    const registry = new ToolRegistry([readFile]);
    expect(registry.validate("read_file", { path: "a.ts" })).toEqual({ ok: true });
    const missing = registry.validate("read_file", {});
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain("path");
    const extra = registry.validate("read_file", { path: "a", mode: 1 });
    expect(!extra.ok && extra.message).toContain("additional properties");
    expect(registry.validate("nope", {}).ok).toBe(false);
  });

  it("refuses duplicate names and broken schemas at construction", () => {
    expect(definitionError(() => new ToolRegistry([readFile, readFile])).code).toBe("duplicate_tool");
    const broken = defineTool({
      name: "broken",
      description: "",
      parameters: { type: "object", properties: { a: { type: "no-such-type" } } },
      execute: () => "",
    });
    const error = definitionError(() => new ToolRegistry([broken]));
    expect(error.code).toBe("invalid_schema");
    expect(error.toolName).toBe("broken");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ToolDefinitionError",
      code: "invalid_schema",
      message: error.message,
      toolName: "broken",
    });
    expect(error.message).toContain("invalid JSON Schema");
  });

  it("refuses entries that did not come from defineTool", () => {
    const raw = { name: "x", description: "", parameters: {}, execute: () => "" };
    expect(definitionError(() => new ToolRegistry([raw as never])).code).toBe("invalid_tool_definition");
  });

  it("compiles schemas with formats silently and does not check the formats", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const fetchUrl = defineTool({
        name: "fetch",
        description: "Fetches a URL",
        parameters: { type: "object", properties: { url: { type: "string", format: "uri" } }, required: ["url"] },
        execute: () => "",
      });
      const registry = new ToolRegistry([fetchUrl]);
      expect(registry.validate("fetch", { url: "not a uri" })).toEqual({ ok: true });
      expect(registry.validate("fetch", { url: 1 }).ok).toBe(false);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
