import type { ApiHandler, ApiStream, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import { type ChatHandlerCore, openRouterCost } from "@parallel-tool-calls/provider-helpers/internal";
import { OPENROUTER_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_MODEL_ID } from "./constants.js";
import { type OpenRouterHandlerOptions, openRouterCore } from "./openrouter-core.js";

export type { OpenRouterHandlerOptions } from "./openrouter-core.js";

/**
 * OpenRouter Chat Completions over the `openai` SDK. Settings: `openRouterApiKey`,
 * `openRouterModelId`, `openRouterBaseUrl`, provider routing, reasoning, temperature and max tokens.
 */
export class OpenRouterHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName = "OpenRouter";
  readonly #core: ChatHandlerCore;

  constructor(settings: ProviderSettings, options: OpenRouterHandlerOptions = {}) {
    const gateway = {
      providerName: this.providerName,
      baseUrl: settings.openRouterBaseUrl || OPENROUTER_DEFAULT_BASE_URL,
      apiKey: settings.openRouterApiKey,
      modelId: settings.openRouterModelId || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
      costOf: openRouterCost,
    };
    this.#core = openRouterCore(settings, gateway, options);
  }

  /** The model id (`openRouterModelId`, else `apiModelId`, else the default) and `maxTokens`. */
  getModel(): ReturnType<ApiHandler["getModel"]> {
    return this.#core.getModel();
  }

  /** Streams one request through OpenRouter; see the package README for what it yields and throws. */
  createMessage(...request: Parameters<ApiHandler["createMessage"]>): ApiStream {
    return this.#core.createMessage(...request);
  }
}
