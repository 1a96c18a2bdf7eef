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
  type OpenAIToolMessage,
  type SavedToolCall,
  type SavedToolResult,
  toOpenAIToolMessages,
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
