/** What a stream amounts to for its user; computed from a recording and observed from a replay. */
export interface StreamSummary {
  text: string;
  reasoning: string;
  /** Complete calls in order: name and arguments (parsed when they are JSON, else the raw string). */
  calls: Array<{ name: string; arguments: unknown }>;
  usage?: UsageSummary;
  /** Whether the stream ends in an error (an in-stream error, a truncating finish, bad JSON). */
  failed: boolean;
}

export interface UsageSummary {
  inputTokens: number;
  outputTokens: number;
  reasoningTokens?: number;
  cacheReadTokens?: number;
  totalCost?: number;
}
