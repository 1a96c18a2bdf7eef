import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import type { ChatRequestBody } from "./chat-request-body.js";
import { buildChatRequestBody } from "./chat-request-builder.js";

export interface OpenAICompatibleParamsInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata?: ApiHandlerCreateMessageMetadata;
}

/** The streaming request body of an OpenAI-compatible server: the shared body plus `reasoning_effort`. */
export function buildOpenAICompatibleParams(input: OpenAICompatibleParamsInput): ChatRequestBody {
  const effort = input.settings.reasoningEffort;
  return buildChatRequestBody({
    ...input,
    route: "direct",
    ...(effort ? { extras: { reasoning_effort: effort } } : {}),
  });
}
