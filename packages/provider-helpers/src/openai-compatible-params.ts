import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { convertToOpenAiMessages } from "./convert-to-openai-messages.js";
import { addNativeToolCallsToParams } from "./native-tool-params.js";

export interface OpenAICompatibleParamsInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata?: ApiHandlerCreateMessageMetadata;
}

/** The whole streaming request body of an OpenAI-compatible server, built in this one place. */
export function buildOpenAICompatibleParams(input: OpenAICompatibleParamsInput): Record<string, unknown> {
  const { settings } = input;
  const params: Record<string, unknown> = {
    model: input.modelId,
    messages: [{ role: "system", content: input.systemPrompt }, ...convertToOpenAiMessages(input.messages)],
    stream: true,
    stream_options: { include_usage: true },
    temperature: settings.modelTemperature ?? 0,
  };
  if (settings.modelMaxTokens !== undefined && settings.modelMaxTokens > 0) params.max_tokens = settings.modelMaxTokens;
  if (settings.reasoningEffort) params.reasoning_effort = settings.reasoningEffort;
  return addNativeToolCallsToParams(params, settings, input.metadata);
}
