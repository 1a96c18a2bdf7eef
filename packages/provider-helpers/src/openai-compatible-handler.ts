import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import OpenAI from "openai";
import { type HandlerClientOptions, NO_API_KEY, sdkTransportOptions, streamBoundsOf } from "./client-options.js";
import { ProviderConfigError } from "./errors.js";
import { handlerSecrets } from "./handler-secrets.js";
import { buildOpenAICompatibleParams } from "./openai-compatible-params.js";
import { isOpenAICompatiblePreset, OPENAI_COMPATIBLE_PRESETS, type PresetDefaults } from "./presets.js";
import type { StreamBounds } from "./stream-bounds.js";
import { streamChatCompletion } from "./stream-chat-completion.js";

export interface OpenAICompatibleHandlerOptions extends HandlerClientOptions {
  /** Display name in error messages (default: the preset's name, else "OpenAI-compatible"). */
  providerName?: string;
}

function presetOf(settings: ProviderSettings): PresetDefaults | undefined {
  return isOpenAICompatiblePreset(settings.apiProvider) ? OPENAI_COMPATIBLE_PRESETS[settings.apiProvider] : undefined;
}

/**
 * A Chat Completions server reached through the `openai` SDK: `openAiBaseUrl` (or the preset's
 * default address for `apiProvider` deepinfra, lmstudio, inception, ollama, vllm, llamacpp),
 * `openAiApiKey`, `openAiModelId` and `openAiHeaders`. Native tools are added with
 * `addNativeToolCallsToParams`, so `parallel_tool_calls` follows the flag whenever tools are sent.
 */
export class OpenAICompatibleHandler implements ApiHandler {
  readonly providerName: string;
  readonly #client: OpenAI;
  readonly #settings: ProviderSettings;
  readonly #modelId: string;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;

  constructor(settings: ProviderSettings, options: OpenAICompatibleHandlerOptions = {}) {
    const preset = presetOf(settings);
    this.providerName = options.providerName ?? preset?.name ?? "OpenAI-compatible";
    const baseURL = settings.openAiBaseUrl || preset?.baseUrl;
    if (!baseURL) {
      throw new ProviderConfigError("invalid_settings", `${this.providerName}: openAiBaseUrl is required`, {
        provider: this.providerName,
      });
    }
    const modelId = settings.openAiModelId || settings.apiModelId;
    if (!modelId) {
      throw new ProviderConfigError("invalid_settings", `${this.providerName}: openAiModelId is required`, {
        provider: this.providerName,
      });
    }
    if (preset?.requiresApiKey && !settings.openAiApiKey) {
      throw new ProviderConfigError("invalid_settings", `${this.providerName}: openAiApiKey is required`, {
        provider: this.providerName,
      });
    }
    this.#settings = settings;
    this.#modelId = modelId;
    this.#secrets = handlerSecrets({
      apiKey: settings.openAiApiKey,
      headers: settings.openAiHeaders,
      baseUrl: baseURL,
    });
    this.#bounds = streamBoundsOf(options);
    this.#client = new OpenAI({
      baseURL,
      apiKey: settings.openAiApiKey || NO_API_KEY,
      ...(settings.openAiHeaders ? { defaultHeaders: settings.openAiHeaders } : {}),
      ...sdkTransportOptions(options),
    });
  }

  getModel(): { id: string; info: ModelInfo } {
    const info: ModelInfo = {};
    if (this.#settings.modelMaxTokens !== undefined && this.#settings.modelMaxTokens > 0) {
      info.maxTokens = this.#settings.modelMaxTokens;
    }
    return { id: this.#modelId, info };
  }

  async *createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const body = buildOpenAICompatibleParams({
      settings: this.#settings,
      modelId: this.#modelId,
      systemPrompt,
      messages,
      metadata,
    });
    yield* streamChatCompletion({
      client: this.#client,
      body,
      ...(options.signal ? { signal: options.signal } : {}),
      errors: { provider: this.providerName, secrets: this.#secrets },
      bounds: this.#bounds,
    });
  }
}
