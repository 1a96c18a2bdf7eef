export { ToolTimeoutError, type ToolTimeoutErrorOptions } from "./call-timeout.js";
export {
  ExecutorStateError,
  type ExecutorStateErrorCode,
  ToolDefinitionError,
  type ToolDefinitionErrorCode,
  type ToolDefinitionErrorOptions,
} from "./errors.js";
export {
  SequentialToolExecutor,
  type SequentialToolExecutorOptions,
  type StartWhen,
  type ToolCall,
} from "./executor.js";
export {
  type SavedToolCall,
  type SavedToolResult,
  toToolResultBlocks,
  validateAndFixToolResults,
} from "./history.js";
export { type AnyTool, type InputCheck, ToolRegistry } from "./registry.js";
export type { ToolResult, ToolResultStatus } from "./result.js";
export type { TimelineEvent, ToolProgress } from "./timeline.js";
export { defineTool, type Tool, type ToolContext, type ToolDefinition, type ToolOutput } from "./tool.js";
export { AssistantMessageBuilder } from "./turn/assistant-message.js";
export type * from "./turn/loop-types.js";
export { DEFAULT_MAX_TURNS, runToolLoop } from "./turn/run-tool-loop.js";
export { runToolTurn } from "./turn/run-tool-turn.js";
export {
  ToolTurnError,
  type ToolTurnErrorCode,
  UnreplayableArgumentsError,
  type UnreplayableArgumentsErrorOptions,
} from "./turn/turn-error.js";
export type * from "./turn/turn-types.js";
export type { TurnUsage } from "./turn/usage.js";
