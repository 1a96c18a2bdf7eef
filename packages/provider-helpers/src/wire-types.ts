/**
 * The parts of a streamed `chat.completion.chunk` this package reads, typed loosely: gateways add
 * fields the SDK types do not know (`reasoning`, `reasoning_details`, `provider`, `cost`) and
 * providers send values outside the spec (numeric ids, object arguments, missing indices).
 */
export interface WireToolCallDelta {
  index?: number | null;
  id?: string | number | null;
  type?: string;
  function?: { name?: string | null; arguments?: string | Record<string, unknown> | null } | null;
  extra_content?: Record<string, unknown>;
}

export interface WireReasoningDetail {
  type?: string;
  text?: string | null;
  summary?: string | null;
  /** `reasoning.encrypted`: the opaque payload (Gemini's thought signature via OpenRouter). */
  data?: string | null;
  /** For Gemini via OpenRouter, the id of the tool call the signature belongs to. */
  id?: string | null;
  format?: string | null;
  signature?: string | null;
  index?: number;
  [field: string]: unknown;
}

export interface WireDelta {
  /** A string, or (Mistral reasoning models) an array of typed parts: see `readContentParts`. */
  content?: string | unknown[] | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
  reasoning_details?: WireReasoningDetail[] | null;
  tool_calls?: WireToolCallDelta[] | null;
}

export interface WireUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  cost?: number | null;
  is_byok?: boolean | null;
  cost_details?: { upstream_inference_cost?: number | null } | null;
}

export interface WireChunk {
  provider?: string;
  choices?: Array<{ delta?: WireDelta | null; finish_reason?: string | null }> | null;
  usage?: WireUsage | null;
}
