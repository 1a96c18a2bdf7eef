import type { ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { ChatReasoningControl } from "@parallel-tool-calls/provider-helpers/internal";

/** A thinking-token budget wins over an effort level; neither set means the model's default. */
export function buildReasoning(settings: ProviderSettings): ChatReasoningControl | undefined {
  const budget = settings.modelMaxThinkingTokens;
  if (budget !== undefined && budget > 0) return { max_tokens: budget };
  if (settings.reasoningEffort) return { effort: settings.reasoningEffort };
  return undefined;
}
