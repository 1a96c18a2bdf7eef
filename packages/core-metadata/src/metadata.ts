import type { ToolProtocol } from "./protocol.js";
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from "./tools.js";

/** Per-request metadata every `ApiHandler.createMessage` call receives. */
export interface ApiHandlerCreateMessageMetadata {
  taskId: string;
  mode?: string;
  suppressPreviousResponseId?: boolean;
  /** Git-origin project id (sent by Kilocode as a header when an organization is set). */
  projectId?: string;
  /** Usage attribution, e.g. "parallel-agent" for subtasks. */
  feature?: string;
  tools?: ChatCompletionTool[];
  tool_choice?: ChatCompletionToolChoiceOption;
  toolProtocol?: ToolProtocol;
  /**
   * Whether the model may emit several tool calls in one turn: what handlers send as
   * `parallel_tool_calls` (only with tools). `buildCreateMessageMetadata` sets it from the temp flag,
   * its only source; handlers fall back to the flag when hand-built metadata leaves it out.
   */
  parallelToolCalls?: boolean;
}
