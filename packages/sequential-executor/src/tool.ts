import type { ImageBlockParam } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { ToolDefinitionError } from "./errors.js";

/** What a tool hands back: plain text, or text with images and an error mark. */
export type ToolOutput = string | { content: string; images?: ImageBlockParam[]; isError?: boolean };

/** Handed to `execute` for one call. */
export interface ToolContext {
  /** The id of the tool call being executed. */
  readonly toolCallId: string;
  /** Aborted when the executor is aborted; long-running tools should stop early. */
  readonly signal: AbortSignal;
  /** Progress for user interfaces (forwarded to the executor's `onProgress`); never part of the result. */
  reportProgress(message: string | Record<string, unknown>): void;
  /**
   * Fixes the call's result before `execute` returns (e.g. to answer early and clean up after).
   * The first report wins: later reports and the return value are then ignored.
   */
  reportResult(output: ToolOutput): void;
}

/** What {@link defineTool} takes: the tool as the model sees it, and the function that runs it. */
export interface ToolDefinition<Input = Record<string, unknown>> {
  /** Function name sent to the model: 1–64 letters, digits, `_` or `-`. */
  name: string;
  /** What the tool does, for the model. */
  description: string;
  /** JSON Schema of the arguments object; inputs are validated against it before `execute` runs. */
  parameters: Record<string, unknown>;
  /** Runs one call with its validated input; what it throws becomes an error result. */
  execute(input: Input, ctx: ToolContext): ToolOutput | Promise<ToolOutput>;
}

/** A checked tool definition, ready for a `ToolRegistry`. */
export interface Tool<Input = Record<string, unknown>> extends ToolDefinition<Input> {
  /** Marks a definition that went through {@link defineTool}. */
  readonly kind: "tool";
}

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks a tool definition (name, description, schema object, execute) and returns it as a `Tool`. */
export function defineTool<Input = Record<string, unknown>>(definition: ToolDefinition<Input>): Tool<Input> {
  const name = (definition as Partial<ToolDefinition<Input>>)?.name;
  const fail = (message: string): never => {
    throw new ToolDefinitionError({
      code: "invalid_tool_definition",
      message,
      ...(typeof name === "string" ? { toolName: name } : {}),
    });
  };
  if (!isRecord(definition)) return fail("A tool definition must be an object.");
  if (typeof name !== "string" || !TOOL_NAME.test(name)) {
    return fail(`Tool name ${JSON.stringify(name)} must be 1-64 letters, digits, "_" or "-".`);
  }
  if (typeof definition.description !== "string") return fail(`Tool "${name}" needs a string description.`);
  if (!isRecord(definition.parameters)) return fail(`Tool "${name}" needs a JSON Schema object as parameters.`);
  if (definition.parameters.type !== undefined && definition.parameters.type !== "object") {
    return fail(`Tool "${name}" parameters must describe an object (type "object").`);
  }
  if (typeof definition.execute !== "function") return fail(`Tool "${name}" needs an execute function.`);
  return {
    kind: "tool",
    name,
    description: definition.description,
    parameters: definition.parameters,
    execute: definition.execute,
  };
}
