/** OpenRouter's API, used when the settings have no `openRouterBaseUrl`. */
export const OPENROUTER_DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
/** The Kilocode gateway, used when neither the settings nor the options name one. */
export const KILOCODE_DEFAULT_BASE_URL = "https://api.kilo.ai/api/openrouter/";
/** Used when the settings name no model. */
export const OPENROUTER_DEFAULT_MODEL_ID = "anthropic/claude-sonnet-4.5";

/** OpenRouter identifies the calling app by these two headers (attribution and rankings). */
export const OPENROUTER_DEFAULT_APP_HEADERS = {
  "HTTP-Referer": "https://kilocode.ai",
  "X-Title": "Kilo Code",
} as const;

/** Lets Anthropic models stream tool-call arguments in small pieces instead of whole values. */
export const ANTHROPIC_BETA_HEADER = { "x-anthropic-beta": "fine-grained-tool-streaming-2025-05-14" } as const;
