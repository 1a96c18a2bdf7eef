/**
 * The OpenRouter and Kilocode handlers.
 *
 * @packageDocumentation
 */
export {
  KILOCODE_DEFAULT_BASE_URL,
  OPENROUTER_DEFAULT_APP_HEADERS,
  OPENROUTER_DEFAULT_BASE_URL,
  OPENROUTER_DEFAULT_MODEL_ID,
} from "./constants.js";
export { type KilocodeHandlerOptions, KilocodeOpenrouterHandler } from "./kilocode-handler.js";
export { OpenRouterHandler, type OpenRouterHandlerOptions } from "./openrouter-handler.js";
