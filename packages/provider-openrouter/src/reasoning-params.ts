import type { ProviderSettings, ReasoningEffort } from "@parallel-tool-calls/core-metadata";

export type OpenRouterReasoning = { max_tokens: number } | { effort: ReasoningEffort };

/** A thinking-token budget wins over an effort level; neither set means the model's default. */
export function buildReasoning(settings: ProviderSettings): OpenRouterReasoning | undefined {
  const budget = settings.modelMaxThinkingTokens;
  if (budget !== undefined && budget > 0) return { max_tokens: budget };
  if (settings.reasoningEffort) return { effort: settings.reasoningEffort };
  return undefined;
}
