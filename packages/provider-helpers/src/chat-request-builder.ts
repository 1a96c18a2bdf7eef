import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { buildChatMessages } from "./chat-messages.js";
import type { ChatRequestBody } from "./chat-request-body.js";
import type { ModelRoute } from "./model-rules.js";
import { nativeToolFields } from "./native-tool-params.js";

/** Fields only some servers take: OpenRouter's `provider` and `reasoning`, OpenAI's `reasoning_effort`. */
export type ChatRequestExtras = Pick<ChatRequestBody, "provider" | "reasoning" | "reasoning_effort">;

/** What one request is made of, whatever the server. */
export interface ChatBodyInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata?: ApiHandlerCreateMessageMetadata | undefined;
}

/** A request for a server on `route`, with the fields only that server takes. */
export interface ChatRequestInput extends ChatBodyInput {
  route: ModelRoute;
  extras?: ChatRequestExtras;
}

/**
 * The whole streaming request body, built in this one place for every handler so that no later
 * spread can overwrite a field: model, messages under the model's rules, usage reporting,
 * temperature, `max_tokens` (only when positive), the extras, and the tool fields, which come
 * together or not at all (`parallel_tool_calls` is never sent without tools).
 */
export function buildChatRequestBody(input: ChatRequestInput): ChatRequestBody {
  const { settings, metadata } = input;
  const body: ChatRequestBody = {
    model: input.modelId,
    messages: buildChatMessages(input.systemPrompt, input.messages, input.modelId, input.route),
    stream: true,
    stream_options: { include_usage: true },
    temperature: settings.modelTemperature ?? 0,
  };
  const maxTokens = settings.modelMaxTokens;
  if (maxTokens !== undefined && maxTokens > 0) body.max_tokens = maxTokens;
  const { provider, reasoning, reasoning_effort } = input.extras ?? {};
  if (provider) body.provider = provider;
  if (reasoning) body.reasoning = reasoning;
  if (reasoning_effort) body.reasoning_effort = reasoning_effort;
  const tools = nativeToolFields(settings, metadata);
  if (tools) {
    body.tools = tools.tools;
    body.tool_choice = metadata?.tool_choice ?? tools.tool_choice;
    body.parallel_tool_calls = tools.parallel_tool_calls;
  }
  return body;
}
