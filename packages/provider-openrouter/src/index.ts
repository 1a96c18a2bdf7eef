export { type BuildApiHandlerOptions, buildApiHandler } from "./build-api-handler.js";
export {
  ANTHROPIC_BETA_HEADER,
  KILOCODE_DEFAULT_BASE_URL,
  OPENROUTER_DEFAULT_APP_HEADERS,
  OPENROUTER_DEFAULT_BASE_URL,
  OPENROUTER_DEFAULT_MODEL_ID,
} from "./constants.js";
export { type KilocodeHandlerOptions, KilocodeOpenrouterHandler } from "./kilocode-handler.js";
export { buildKilocodeHeaders, type KilocodeHeaderInput } from "./kilocode-headers.js";
export { type OpenRouterConnection, OpenRouterHandler, type OpenRouterHandlerOptions } from "./openrouter-handler.js";
export { buildOpenRouterParams, type OpenRouterParamsInput } from "./openrouter-params.js";
export { buildProviderRouting, type OpenRouterProviderRouting } from "./provider-routing.js";
export { buildReasoning, type OpenRouterReasoning } from "./reasoning-params.js";
