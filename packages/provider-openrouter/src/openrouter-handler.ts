import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import {
  type CostOf,
  type HandlerClientOptions,
  handlerSecrets,
  NO_API_KEY,
  openRouterCost,
  type StreamBounds,
  sdkTransportOptions,
  streamBoundsOf,
  streamChatCompletion,
} from "@parallel-tool-calls/provider-helpers";
import OpenAI from "openai";
import {
  ANTHROPIC_BETA_HEADER,
  OPENROUTER_DEFAULT_APP_HEADERS,
  OPENROUTER_DEFAULT_BASE_URL,
  OPENROUTER_DEFAULT_MODEL_ID,
} from "./constants.js";
import { buildOpenRouterParams } from "./openrouter-params.js";

export interface OpenRouterHandlerOptions extends HandlerClientOptions {
  /** `HTTP-Referer` sent to OpenRouter (app attribution). */
  appUrl?: string;
  /** `X-Title` sent to OpenRouter (app attribution). */
  appTitle?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** Where and as whom a handler connects; subclasses (Kilocode) supply their own. */
export interface OpenRouterConnection {
  baseUrl: string;
  apiKey: string | undefined;
  modelId: string;
}

/**
 * OpenRouter Chat Completions over the `openai` SDK. Settings: `openRouterApiKey`,
 * `openRouterModelId`, `openRouterBaseUrl`, provider routing, reasoning, temperature and max tokens.
 */
export class OpenRouterHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName: string = "OpenRouter";
  readonly #client: OpenAI;
  readonly #settings: ProviderSettings;
  readonly #connection: OpenRouterConnection;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;

  constructor(settings: ProviderSettings, options: OpenRouterHandlerOptions = {}) {
    this.#settings = settings;
    this.#connection = this.resolveConnection(settings, options);
    this.#client = new OpenAI({
      baseURL: this.#connection.baseUrl,
      apiKey: this.#connection.apiKey || NO_API_KEY,
      defaultHeaders: {
        "HTTP-Referer": options.appUrl ?? OPENROUTER_DEFAULT_APP_HEADERS["HTTP-Referer"],
        "X-Title": options.appTitle ?? OPENROUTER_DEFAULT_APP_HEADERS["X-Title"],
        ...options.headers,
      },
      ...sdkTransportOptions(options),
    });
    this.#secrets = handlerSecrets({
      apiKey: this.#connection.apiKey,
      headers: options.headers,
      baseUrl: this.#connection.baseUrl,
    });
    this.#bounds = streamBoundsOf(options);
  }

  /** Called once from the constructor. */
  protected resolveConnection(settings: ProviderSettings, _options: OpenRouterHandlerOptions): OpenRouterConnection {
    return {
      baseUrl: settings.openRouterBaseUrl || OPENROUTER_DEFAULT_BASE_URL,
      apiKey: settings.openRouterApiKey,
      modelId: settings.openRouterModelId || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
    };
  }

  /** Per-request headers. */
  protected requestHeaders(_metadata: ApiHandlerCreateMessageMetadata | undefined): Record<string, string> {
    return this.#connection.modelId.startsWith("anthropic/") ? { ...ANTHROPIC_BETA_HEADER } : {};
  }

  /** How `usage.totalCost` is computed from the usage report. */
  protected get costOf(): CostOf {
    return openRouterCost;
  }

  getModel(): { id: string; info: ModelInfo } {
    const info: ModelInfo = {};
    const maxTokens = this.#settings.modelMaxTokens;
    if (maxTokens !== undefined && maxTokens > 0) info.maxTokens = maxTokens;
    return { id: this.#connection.modelId, info };
  }

  async *createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const body = buildOpenRouterParams({
      settings: this.#settings,
      modelId: this.#connection.modelId,
      systemPrompt,
      messages,
      metadata,
    });
    yield* streamChatCompletion({
      client: this.#client,
      body,
      headers: this.requestHeaders(metadata),
      ...(options.signal ? { signal: options.signal } : {}),
      errors: {
        provider: this.providerName,
        streamErrorLabel: "OpenRouter",
        secrets: this.#secrets,
      },
      costOf: this.costOf,
      bounds: this.#bounds,
    });
  }
}
