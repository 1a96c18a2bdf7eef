import {
  type ApiHandlerCreateMessageMetadata,
  type ChatCompletionTool,
  type ProviderSettings,
  resolveToolProtocol,
} from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";

/** The tool fields `addNativeToolCallsToParams` sets; they come together or not at all. */
export interface NativeToolFields {
  /** The metadata's tools. */
  tools: ChatCompletionTool[];
  /** Always "auto": some servers answer 400 to "required" when the model calls no tool. */
  tool_choice: "auto";
  /** `metadata.parallelToolCalls`, else `PARALLEL_TOOL_CALLS` (the flag). */
  parallel_tool_calls: boolean;
}

/**
 * The tool fields of a request, or `undefined` when no native tools are sent. They come together:
 * `parallel_tool_calls` (`metadata.parallelToolCalls`, i.e. the flag) is never sent without tools,
 * which OpenAI rejects.
 */
export function nativeToolFields(
  settings: Pick<ProviderSettings, "toolProtocol"> | null | undefined,
  metadata: ApiHandlerCreateMessageMetadata | undefined,
): NativeToolFields | undefined {
  if (resolveToolProtocol(settings) !== "native") return undefined;
  if (!metadata?.tools || metadata.tools.length === 0 || metadata.toolProtocol === "xml") return undefined;
  // "auto", not "required": SGLang-based providers answer 400 when the model chooses not to call a tool.
  // buildCreateMessageMetadata copies the flag into the metadata; hand-built metadata falls back to it.
  return {
    tools: metadata.tools,
    tool_choice: "auto",
    parallel_tool_calls: metadata.parallelToolCalls ?? PARALLEL_TOOL_CALLS,
  };
}

/**
 * Adds native tools to Chat Completions params (mutates and returns them): `tools`,
 * `tool_choice: "auto"` and `parallel_tool_calls` from the flag, when the protocol is native and
 * the metadata carries tools. Params that already have `tools` are left as they are.
 */
export function addNativeToolCallsToParams<T extends object>(
  params: T,
  settings: Pick<ProviderSettings, "toolProtocol"> | null | undefined,
  metadata?: ApiHandlerCreateMessageMetadata,
): T & Partial<NativeToolFields> {
  const target = params as T & Partial<NativeToolFields>;
  if (target.tools) return target;
  const fields = nativeToolFields(settings, metadata);
  if (fields) Object.assign(target, fields);
  return target;
}
