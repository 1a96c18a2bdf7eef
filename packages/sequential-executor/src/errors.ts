/** Why a tool definition or registry was rejected. */
export type ToolDefinitionErrorCode = "INVALID_TOOL_DEFINITION" | "INVALID_SCHEMA" | "DUPLICATE_TOOL";

/** Thrown by `defineTool` and `ToolRegistry` for definitions that could never run. */
export class ToolDefinitionError extends Error {
  override readonly name = "ToolDefinitionError";
  readonly code: ToolDefinitionErrorCode;
  readonly toolName: string | undefined;

  constructor(code: ToolDefinitionErrorCode, message: string, toolName?: string) {
    super(message);
    this.code = code;
    this.toolName = toolName;
  }
}

/** Why the executor refused an input. */
export type ExecutorStateErrorCode = "STREAM_CLOSED" | "INVALID_EVENT";

/** Thrown by `SequentialToolExecutor.handle` for events it cannot accept; its state is unchanged. */
export class ExecutorStateError extends Error {
  override readonly name = "ExecutorStateError";
  readonly code: ExecutorStateErrorCode;

  constructor(code: ExecutorStateErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
