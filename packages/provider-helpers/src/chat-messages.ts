import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { addCacheBreakpoints } from "./cache-breakpoints.js";
import type { ChatMessage } from "./chat-request-body.js";
import { convertToOpenAiMessages, type MessageConversionOptions } from "./convert-to-openai-messages.js";
import { type ModelRoute, modelRulesFor } from "./model-rules.js";

/** The converter options that apply a model's rules on a route. */
export function historyOptionsFor(modelId: string, route: ModelRoute): MessageConversionOptions {
  const rules = modelRulesFor(modelId);
  return {
    route,
    toolCallIds: rules.toolCallIds,
    reasoningContent: rules.reasoningContent,
    thoughtSignatures: rules.thoughtSignatures,
    thinkingAsReasoningDetails: rules.promptCache === "anthropic",
  };
}

/**
 * Every message of a request for `modelId` on `route`: the system prompt, then the history
 * converted under the model's rules (ids, reasoning, signatures), then Anthropic cache breakpoints
 * when the model caches through OpenRouter. The one place a history becomes wire messages.
 */
export function buildChatMessages(
  systemPrompt: string,
  history: readonly MessageParam[],
  modelId: string,
  route: ModelRoute,
): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt },
    ...convertToOpenAiMessages(history, historyOptionsFor(modelId, route)),
  ];
  const cache = route === "openrouter" && modelRulesFor(modelId).promptCache === "anthropic";
  return cache ? addCacheBreakpoints(messages) : messages;
}
