import Anthropic from "@anthropic-ai/sdk";
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
  type HandlerClientOptions,
  handlerSecrets,
  NO_API_KEY,
  resolveRetryOptions,
  type SdkErrorClasses,
  type StreamBounds,
  sdkTransportOptions,
  streamBoundsOf,
} from "@parallel-tool-calls/provider-helpers/internal";
import { buildMessagesRequestBody, tokenLimits } from "./request/build-request-body.js";
import { ANTHROPIC_DEFAULT_BASE_URL, ANTHROPIC_DEFAULT_MODEL_ID } from "./request/defaults.js";
import { streamMessages } from "./stream/stream-messages.js";

/** Transport options of {@link AnthropicHandler} (retries before the stream, timeouts, stream bounds). */
export interface AnthropicHandlerOptions extends HandlerClientOptions {}

const PROVIDER = "Anthropic";

const SDK_ERRORS: SdkErrorClasses = {
  APIError: Anthropic.APIError,
  APIConnectionError: Anthropic.APIConnectionError,
  APIConnectionTimeoutError: Anthropic.APIConnectionTimeoutError,
  APIUserAbortError: Anthropic.APIUserAbortError,
};

/**
 * Claude through Anthropic's Messages API (`apiProvider: "anthropic"`), through the official
 * `@anthropic-ai/sdk`. Settings: `apiKey`, `anthropicBaseUrl`, `apiModelId`, `modelMaxTokens`,
 * `modelMaxThinkingTokens` (thinking on when set), `modelTemperature`.
 *
 * With tools, every request says `tool_choice: {type: "auto", disable_parallel_tool_use:
 * !parallelToolCalls}` (the switch). The stream maps onto the shared chunk union: a `tool_use` block
 * is complete, and its tool can start, on its own `content_block_stop`; thinking comes back as a
 * `provider_block` with its signature. The history is converted by the Messages API's rules.
 */
export class AnthropicHandler implements ApiHandler {
  readonly #settings: ProviderSettings;
  readonly #client: Anthropic;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;
  readonly #retry: ReturnType<typeof resolveRetryOptions>;

  constructor(settings: ProviderSettings, options: AnthropicHandlerOptions = {}) {
    this.#settings = settings;
    const baseURL = settings.anthropicBaseUrl || ANTHROPIC_DEFAULT_BASE_URL;
    this.#secrets = handlerSecrets({ apiKey: settings.apiKey, baseUrl: baseURL });
    this.#bounds = streamBoundsOf(options);
    this.#retry = resolveRetryOptions(options.retry);
    this.#client = new Anthropic({
      baseURL,
      apiKey: settings.apiKey || NO_API_KEY,
      // Read from the environment by the SDK otherwise: only the settings decide where requests go.
      authToken: null,
      ...sdkTransportOptions(options),
    });
  }

  /** The model id (`apiModelId`, default `claude-sonnet-4-5`) and its `max_tokens`. */
  getModel(): { id: string; info: ModelInfo } {
    return {
      id: this.#settings.apiModelId || ANTHROPIC_DEFAULT_MODEL_ID,
      info: { maxTokens: tokenLimits(this.#settings).maxTokens },
    };
  }

  /** Builds the body once, sends it and yields its chunks; failures are typed provider errors without secrets. */
  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const body = buildMessagesRequestBody({
      settings: this.#settings,
      modelId: this.getModel().id,
      systemPrompt,
      messages,
      metadata,
    });
    return streamMessages({
      client: this.#client,
      body,
      ...(options.signal ? { signal: options.signal } : {}),
      errors: { provider: PROVIDER, secrets: this.#secrets, sdk: SDK_ERRORS },
      bounds: this.#bounds,
      retry: options.retry === undefined ? this.#retry : resolveRetryOptions(this.#retry, options.retry),
    });
  }
}
