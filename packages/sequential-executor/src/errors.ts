import { ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";

/** Why a tool definition or registry was rejected. */
export type ToolDefinitionErrorCode = "invalid_tool_definition" | "invalid_schema" | "duplicate_tool";

/** What a {@link ToolDefinitionError} is made of. */
export interface ToolDefinitionErrorOptions {
  /** What is wrong with the definition. */
  code: ToolDefinitionErrorCode;
  /** One line, naming the tool when it has a name. */
  message: string;
  /** The tool concerned, when its definition has a usable name. */
  toolName?: string;
  /** What the schema compiler threw, for `invalid_schema`. */
  cause?: unknown;
}

/** Thrown by `defineTool` and `ToolRegistry` for definitions that could never run. */
export class ToolDefinitionError extends ParallelToolCallsError<ToolDefinitionErrorCode> {
  /** The tool concerned, when its definition has a usable name. */
  readonly toolName: string | undefined;

  constructor(options: ToolDefinitionErrorOptions) {
    super(options);
    this.toolName = options.toolName;
  }
}

/** Why the executor refused an input. */
export type ExecutorStateErrorCode = "stream_closed" | "invalid_event";

/** Thrown by `SequentialToolExecutor.handle` for events it cannot accept; its state is unchanged. */
export class ExecutorStateError extends ParallelToolCallsError<ExecutorStateErrorCode> {}
