export { conciseMessage } from "./concise-message.js";
export {
  ExecutorStateError,
  type ExecutorStateErrorCode,
  ToolDefinitionError,
  type ToolDefinitionErrorCode,
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
export { type AnyTool, createToolRegistry, type InputCheck, ToolRegistry } from "./registry.js";
export {
  EMPTY_RESULT_CONTENT,
  INTERRUPTED_BEFORE_COMPLETION,
  type ToolResult,
  type ToolResultStatus,
} from "./result.js";
export type { TimelineEvent, ToolProgress } from "./timeline.js";
export { defineTool, type Tool, type ToolContext, type ToolDefinition, type ToolOutput } from "./tool.js";
export { AssistantMessageBuilder } from "./turn/assistant-message.js";
export type {
  RunToolLoopOptions,
  ToolLoop,
  ToolLoopEvent,
  ToolLoopResult,
  ToolLoopStatus,
  ToolLoopTurnSummary,
} from "./turn/loop-types.js";
export { DEFAULT_MAX_TURNS, runToolLoop } from "./turn/run-tool-loop.js";
export { runToolTurn } from "./turn/run-tool-turn.js";
export { ToolTurnError, type ToolTurnErrorCode, UnreplayableArgumentsError } from "./turn/turn-error.js";
export type {
  CallRef,
  RunToolTurnOptions,
  ToolTurn,
  ToolTurnEvent,
  ToolTurnResult,
  ToolTurnStatus,
} from "./turn/turn-types.js";
export type { TurnUsage } from "./turn/usage.js";
