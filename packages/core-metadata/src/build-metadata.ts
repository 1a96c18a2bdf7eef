import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import type { ApiHandlerCreateMessageMetadata } from "./metadata.js";
import { resolveToolProtocol, type ToolProtocol } from "./protocol.js";
import type { ProviderSettings } from "./provider-settings.js";
import type { ChatCompletionTool } from "./tools.js";

/** What {@link buildCreateMessageMetadata} builds the request metadata from. */
export interface BuildCreateMessageMetadataInput {
  /** The agent task the request belongs to. */
  taskId: string;
  /** The agent mode (e.g. `code`). */
  mode?: string;
  /** Start a new response chain (for APIs that chain responses by id). */
  suppressPreviousResponseId?: boolean;
  /** Git-origin project id. */
  projectId?: string;
  /** Usage attribution, e.g. "parallel-agent" for subtasks. */
  feature?: string;
  /** A subtask's parent; when set and no feature is given, the feature is "parallel-agent". */
  parentTaskId?: string;
  /** Native tools available in the current mode. */
  tools?: readonly ChatCompletionTool[];
  /** The protocol locked for the task; otherwise resolved from the settings. */
  toolProtocol?: ToolProtocol;
  /** The user's settings, read for `toolProtocol` when the task has not locked one. */
  settings?: Pick<ProviderSettings, "toolProtocol"> | null;
}

/**
 * Builds the metadata of one API request, as an agent's task loop does before `createMessage`.
 *
 * Tool fields appear together or not at all: only with the native protocol and at least one
 * tool. Sending `parallel_tool_calls` without tools is rejected by OpenAI-style servers.
 */
export function buildCreateMessageMetadata(input: BuildCreateMessageMetadataInput): ApiHandlerCreateMessageMetadata {
  const protocol = input.toolProtocol ?? resolveToolProtocol(input.settings);
  const tools = input.tools ?? [];
  const metadata: ApiHandlerCreateMessageMetadata = { taskId: input.taskId };
  if (input.mode !== undefined) metadata.mode = input.mode;
  if (input.suppressPreviousResponseId !== undefined) {
    metadata.suppressPreviousResponseId = input.suppressPreviousResponseId;
  }
  if (input.projectId !== undefined) metadata.projectId = input.projectId;
  const feature = input.feature ?? (input.parentTaskId ? "parallel-agent" : undefined);
  if (feature !== undefined) metadata.feature = feature;
  if (protocol === "native" && tools.length > 0) {
    metadata.tools = [...tools];
    metadata.tool_choice = "auto";
    metadata.toolProtocol = protocol;
    metadata.parallelToolCalls = PARALLEL_TOOL_CALLS;
  }
  return metadata;
}
