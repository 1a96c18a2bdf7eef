import type { ChatCompletionTool } from "@parallel-tool-calls/core-metadata";
import { Ajv, type ValidateFunction } from "ajv";
import { ToolDefinitionError } from "./errors.js";
import type { Tool } from "./tool.js";

/** Any tool, whatever its input type (`execute` is a method, so inputs compare bivariantly). */
export type AnyTool = Tool<unknown>;

/** The verdict of {@link ToolRegistry.validate}: ok, or what is wrong with the input. */
export type InputCheck = { ok: true } | { ok: false; message: string };

interface Entry {
  tool: AnyTool;
  validate: ValidateFunction;
}

/** The tools of one mode: looked up by name, validated with a schema compiled once per tool. */
export class ToolRegistry {
  readonly #entries = new Map<string, Entry>();
  // One validator per registry: compiled schemas are cached by the instance, never shared globally.
  // Formats (`uri`, `date-time`, …) are not checked: ajv knows none without a plugin, and would log
  // a warning to the console for each one while compiling (MCP servers' schemas are full of them).
  readonly #ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });

  constructor(tools: readonly AnyTool[]) {
    for (const tool of tools) {
      if (tool?.kind !== "tool") {
        throw new ToolDefinitionError({
          code: "invalid_tool_definition",
          message: "Registry entries must come from defineTool().",
        });
      }
      if (this.#entries.has(tool.name)) {
        throw new ToolDefinitionError({
          code: "duplicate_tool",
          message: `Tool "${tool.name}" is defined twice.`,
          toolName: tool.name,
        });
      }
      let validate: ValidateFunction;
      try {
        validate = this.#ajv.compile(tool.parameters);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ToolDefinitionError({
          code: "invalid_schema",
          message: `Tool "${tool.name}" has an invalid JSON Schema: ${reason}`,
          toolName: tool.name,
          cause: error,
        });
      }
      this.#entries.set(tool.name, { tool, validate });
    }
  }

  /** The tool of that name, if any. */
  get(name: string): AnyTool | undefined {
    return this.#entries.get(name)?.tool;
  }

  /** Whether a tool of that name is registered. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** Tool names in definition order. */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  /** Checks `input` against the tool's schema; unknown names fail. */
  validate(name: string, input: unknown): InputCheck {
    const entry = this.#entries.get(name);
    if (!entry) return { ok: false, message: `unknown tool "${name}"` };
    if (entry.validate(input)) return { ok: true };
    return { ok: false, message: this.#ajv.errorsText(entry.validate.errors, { dataVar: "input" }) };
  }

  /** The OpenAI `tools` array for the request metadata. */
  toOpenAITools(): ChatCompletionTool[] {
    return [...this.#entries.values()].map(({ tool }) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
  }
}
