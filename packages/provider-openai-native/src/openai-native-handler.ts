import type { ApiHandler, ApiStream, ModelInfo, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import {
  type HandlerClientOptions,
  ProviderConfigError,
  type ResolvedRetryOptions,
} from "@parallel-tool-calls/provider-helpers";
import {
  handlerSecrets,
  NO_API_KEY,
  resolveRetryOptions,
  type StreamBounds,
  sdkTransportOptions,
  streamBoundsOf,
} from "@parallel-tool-calls/provider-helpers/internal";
import OpenAI from "openai";
import { buildResponsesBody } from "./request/build-responses-body.js";
import { streamResponses } from "./stream/stream-responses.js";

/** OpenAI's API, where `openAiNativeBaseUrl` points when it is not set. */
export const OPENAI_NATIVE_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Options of {@link OpenAiNativeHandler}: the transport options shared by every handler, and a display name. */
export interface OpenAiNativeHandlerOptions extends HandlerClientOptions {
  /** Display name in error messages (default "OpenAI"). */
  providerName?: string;
}

/**
 * OpenAI's own models (and any Responses-compatible server) through the Responses API, with the
 * `openai` SDK: `openAiNativeApiKey`, `openAiNativeBaseUrl` (default {@link OPENAI_NATIVE_DEFAULT_BASE_URL}),
 * `apiModelId`, `reasoningEffort`, `modelMaxTokens`. Requests are stateless (`store: false`) and
 * ask for the encrypted reasoning, which the stream yields as `provider_block` chunks and the
 * history sends back; `parallel_tool_calls` follows the switch whenever tools are sent. Each
 * function call is complete (`tool_call_complete`) on its own `response.output_item.done`.
 * Settings that cannot work throw a `ProviderConfigError` with code `invalid_settings`.
 */
export class OpenAiNativeHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName: string;
  readonly #settings: ProviderSettings;
  readonly #modelId: string;
  readonly #client: OpenAI;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;
  readonly #retry: ResolvedRetryOptions;

  constructor(settings: ProviderSettings, options: OpenAiNativeHandlerOptions = {}) {
    const providerName = options.providerName ?? "OpenAI";
    const fail = (message: string) =>
      new ProviderConfigError({
        code: "invalid_settings",
        message: `${providerName}: ${message}`,
        provider: providerName,
      });
    const baseUrl = settings.openAiNativeBaseUrl || OPENAI_NATIVE_DEFAULT_BASE_URL;
    const modelId = settings.apiModelId;
    if (!modelId) throw fail("apiModelId is required");
    // OpenAI itself always needs a key; another Responses-compatible server may not.
    if (baseUrl === OPENAI_NATIVE_DEFAULT_BASE_URL && !settings.openAiNativeApiKey) {
      throw fail("openAiNativeApiKey is required");
    }
    this.providerName = providerName;
    this.#settings = settings;
    this.#modelId = modelId;
    this.#secrets = handlerSecrets({ apiKey: settings.openAiNativeApiKey, baseUrl });
    this.#bounds = streamBoundsOf(options);
    this.#retry = resolveRetryOptions(options.retry);
    this.#client = new OpenAI({
      baseURL: baseUrl,
      apiKey: settings.openAiNativeApiKey || NO_API_KEY,
      ...sdkTransportOptions(options),
    });
  }

  /** The model id (`apiModelId`) and `maxTokens` from `modelMaxTokens`. */
  getModel(): { id: string; info: ModelInfo } {
    const info: ModelInfo = {};
    const maxTokens = this.#settings.modelMaxTokens;
    if (maxTokens !== undefined && maxTokens > 0) info.maxTokens = maxTokens;
    return { id: this.#modelId, info };
  }

  /** Streams one request; see the package README for what the stream yields and throws. */
  createMessage(
    ...[systemPrompt, messages, metadata, options = {}]: Parameters<ApiHandler["createMessage"]>
  ): ApiStream {
    const body = buildResponsesBody({
      settings: this.#settings,
      modelId: this.#modelId,
      systemPrompt,
      messages,
      metadata,
    });
    return streamResponses({
      client: this.#client,
      body,
      ...(options.signal ? { signal: options.signal } : {}),
      errors: { provider: this.providerName, secrets: this.#secrets },
      bounds: this.#bounds,
      retry: options.retry === undefined ? this.#retry : resolveRetryOptions(this.#retry, options.retry),
    });
  }
}
