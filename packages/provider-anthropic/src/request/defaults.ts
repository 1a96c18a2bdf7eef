/** The model requests go to when `apiModelId` is not set. */
export const ANTHROPIC_DEFAULT_MODEL_ID = "claude-sonnet-4-5";

/** The public API; `anthropicBaseUrl` replaces it (the SDK appends `/v1/messages`). */
export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

/** `max_tokens` (required by the API) when `modelMaxTokens` is not set. */
export const DEFAULT_MAX_TOKENS = 8192;

/** The smallest thinking budget the API accepts. */
export const MIN_THINKING_BUDGET = 1024;
