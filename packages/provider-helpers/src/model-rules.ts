/**
 * How a request reaches the model: straight to the vendor's (or a local) OpenAI-compatible server,
 * or through OpenRouter / the Kilocode gateway, which has its own conventions for provider data.
 */
export type ModelRoute = "direct" | "openrouter";

/** What the history sent back to one model must look like. One table, matched by model id. */
export interface ModelRules {
  /** Which rule row matched ("default" when none did). */
  readonly name: string;
  /**
   * Tool-call id shape on calls and results: `safe` = `[a-zA-Z0-9_-]{1,64}`; `nine-alnum` =
   * exactly 9 of `[a-zA-Z0-9]` (Mistral answers 400 otherwise).
   */
  readonly toolCallIds: "safe" | "nine-alnum";
  /**
   * `with-tool-calls`: every assistant message with tool calls carries `reasoning_content` (its
   * reasoning text, "" when there was none), or thinking-mode servers answer 400. `omit`: never sent.
   * Direct route only; through OpenRouter reasoning travels as `reasoning_details`.
   */
  readonly reasoningContent: "with-tool-calls" | "omit";
  /**
   * `gemini`: the first call of every assistant message with tool calls needs a thought signature
   * (direct: `extra_content.google.thought_signature`; OpenRouter: one `reasoning.encrypted` detail
   * tied to that call). Histories without one get Google's documented validator-skip placeholder.
   */
  readonly thoughtSignatures: "gemini" | "none";
  /** `anthropic`: `cache_control` breakpoints (OpenRouter route), else every turn re-bills the prefix. */
  readonly promptCache: "anthropic" | "none";
}

interface RuleRow extends Omit<ModelRules, "name"> {
  readonly name: string;
  /** Tested against the model id without a gateway prefix, lower-cased. */
  readonly model: RegExp;
  /** Only these gateway prefixes (e.g. `anthropic`); any prefix, or none, when absent. */
  readonly vendors?: readonly string[];
}

const DEFAULTS: Omit<ModelRules, "name"> = {
  toolCallIds: "safe",
  reasoningContent: "omit",
  thoughtSignatures: "none",
  promptCache: "none",
};

/** First match wins. Facts and sources: the provider-openrouter README ("Rules per model"). */
const MODEL_RULES: readonly RuleRow[] = [
  {
    ...DEFAULTS,
    name: "mistral",
    model: /^(?:mistral|codestral|devstral|magistral|ministral|pixtral|open-mistral|open-mixtral|mixtral)/,
    toolCallIds: "nine-alnum",
  },
  { ...DEFAULTS, name: "mistral", model: /.*/, vendors: ["mistralai"], toolCallIds: "nine-alnum" },
  { ...DEFAULTS, name: "gemini-3", model: /^gemini-3/, thoughtSignatures: "gemini" },
  { ...DEFAULTS, name: "deepseek", model: /^deepseek/, reasoningContent: "with-tool-calls" },
  { ...DEFAULTS, name: "kimi-thinking", model: /^kimi-k2(?:\.5|-thinking)/, reasoningContent: "with-tool-calls" },
  { ...DEFAULTS, name: "claude", model: /^claude/, vendors: ["anthropic"], promptCache: "anthropic" },
];

function splitModelId(modelId: string): { vendor: string | undefined; model: string } {
  const id = modelId.trim().toLowerCase();
  const slash = id.lastIndexOf("/");
  return slash < 0
    ? { vendor: undefined, model: id }
    : { vendor: id.slice(0, id.indexOf("/")), model: id.slice(slash + 1) };
}

/** The rules for a model id, with or without a gateway prefix (`mistralai/devstral`, `devstral-small`). */
export function modelRulesFor(modelId: string): ModelRules {
  const { vendor, model } = splitModelId(modelId);
  for (const row of MODEL_RULES) {
    if (row.vendors && (vendor === undefined || !row.vendors.includes(vendor))) continue;
    if (!row.model.test(model)) continue;
    const { model: _pattern, vendors: _vendors, ...rules } = row;
    return rules;
  }
  return { name: "default", ...DEFAULTS };
}
