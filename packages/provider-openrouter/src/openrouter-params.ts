import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { convertToOpenAiMessages, nativeToolFields } from "@parallel-tool-calls/provider-helpers";
import { buildProviderRouting } from "./provider-routing.js";
import { buildReasoning } from "./reasoning-params.js";

export interface OpenRouterParamsInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata?: ApiHandlerCreateMessageMetadata;
}

/**
 * The whole OpenRouter request body, built in this one place so that no later spread can silently
 * overwrite a field. `parallel_tool_calls` (from the flag) is present exactly when tools are.
 */
export function buildOpenRouterParams(input: OpenRouterParamsInput): Record<string, unknown> {
  const { settings, metadata } = input;
  const maxTokens = settings.modelMaxTokens;
  const provider = buildProviderRouting(settings);
  const reasoning = buildReasoning(settings);
  const tools = nativeToolFields(settings, metadata);
  return {
    model: input.modelId,
    messages: [{ role: "system", content: input.systemPrompt }, ...convertToOpenAiMessages(input.messages)],
    stream: true,
    stream_options: { include_usage: true },
    temperature: settings.modelTemperature ?? 0,
    ...(maxTokens !== undefined && maxTokens > 0 ? { max_tokens: maxTokens } : {}),
    ...(provider ? { provider } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(tools ? { ...tools, tool_choice: metadata?.tool_choice ?? tools.tool_choice } : {}),
  };
}
