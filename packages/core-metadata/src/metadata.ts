import type { ToolProtocol } from "./protocol.js";
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from "./tools.js";

/** Per-request metadata every `ApiHandler.createMessage` call receives. */
export interface ApiHandlerCreateMessageMetadata {
  /** The agent task the request belongs to. */
  taskId: string;
  /** The agent mode (e.g. `code`), whose tools are sent. */
  mode?: string;
  /** Start a new response chain (for APIs that chain responses by id). */
  suppressPreviousResponseId?: boolean;
  /** Git-origin project id (sent by Kilocode as a header when an organization is set). */
  projectId?: string;
  /** Usage attribution, e.g. "parallel-agent" for subtasks. */
  feature?: string;
  /** Native tools, in OpenAI's shape; only with the native protocol. */
  tools?: ChatCompletionTool[];
  /** Sent as is (wire spelling); `"auto"` whenever tools are sent. */
  tool_choice?: ChatCompletionToolChoiceOption;
  /** How tools reach the model in this request. */
  toolProtocol?: ToolProtocol;
  /**
   * Whether the model may emit several tool calls in one turn: what handlers send as
   * `parallel_tool_calls` (only with tools). `buildCreateMessageMetadata` sets it from the temp flag,
   * its only source; handlers fall back to the flag when hand-built metadata leaves it out.
   */
  parallelToolCalls?: boolean;
}
