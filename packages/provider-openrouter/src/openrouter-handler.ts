import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { type ChatHandlerCore, openRouterCost } from "@parallel-tool-calls/provider-helpers";
import { OPENROUTER_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_MODEL_ID } from "./constants.js";
import { type OpenRouterHandlerOptions, openRouterCore, sendOpenRouter } from "./openrouter-core.js";

export type { OpenRouterConnection, OpenRouterHandlerOptions } from "./openrouter-core.js";

/**
 * OpenRouter Chat Completions over the `openai` SDK. Settings: `openRouterApiKey`,
 * `openRouterModelId`, `openRouterBaseUrl`, provider routing, reasoning, temperature and max tokens.
 */
export class OpenRouterHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName = "OpenRouter";
  readonly #core: ChatHandlerCore;
  readonly #settings: ProviderSettings;

  constructor(settings: ProviderSettings, options: OpenRouterHandlerOptions = {}) {
    this.#settings = settings;
    const connection = {
      baseUrl: settings.openRouterBaseUrl || OPENROUTER_DEFAULT_BASE_URL,
      apiKey: settings.openRouterApiKey,
      modelId: settings.openRouterModelId || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
    };
    this.#core = openRouterCore(this.providerName, connection, options, openRouterCost);
  }

  getModel(): { id: string; info: ModelInfo } {
    return this.#core.model(this.#settings);
  }

  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    return sendOpenRouter(this.#core, this.#settings, { systemPrompt, messages, metadata }, options);
  }
}
