import { randomUUID } from "node:crypto";
import { type ApiHandlerCreateMessageMetadata, buildCreateMessageMetadata } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import type { RunToolTurnOptions } from "./turn-types.js";

/** Metadata for a turn when the caller gave none: the registry's tools, so the flag decides parallelism. */
export function defaultTurnMetadata(
  options: Pick<RunToolTurnOptions, "registry" | "taskId" | "mode">,
): ApiHandlerCreateMessageMetadata {
  return buildCreateMessageMetadata({
    taskId: options.taskId ?? randomUUID(),
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
    tools: options.registry.toOpenAITools(),
  });
}

/** What a turn sends and what its executor obeys: one parallelism value for both. */
export interface TurnRequest {
  /** The request metadata, its `parallelToolCalls` set to the turn's value whenever it carries tools. */
  metadata: ApiHandlerCreateMessageMetadata;
  /** Whether the model may emit several calls and the executor runs them all. */
  parallelToolCalls: boolean;
}

/**
 * The turn's one switch value: the `parallelToolCalls` option, else the metadata's, else the flag.
 * The request says it (`parallel_tool_calls`) and the executor obeys it, so the model is never told
 * one thing while the executor refuses its second call.
 */
export function turnRequest(
  options: Pick<RunToolTurnOptions, "registry" | "taskId" | "mode" | "metadata" | "parallelToolCalls">,
): TurnRequest {
  const metadata = options.metadata ?? defaultTurnMetadata(options);
  const parallelToolCalls = options.parallelToolCalls ?? metadata.parallelToolCalls ?? PARALLEL_TOOL_CALLS;
  // Without tools no handler sends the switch, so the metadata stays as given.
  const carriesTools = Array.isArray(metadata.tools) && metadata.tools.length > 0;
  if (!carriesTools || metadata.parallelToolCalls === parallelToolCalls) return { metadata, parallelToolCalls };
  return { metadata: { ...metadata, parallelToolCalls }, parallelToolCalls };
}
