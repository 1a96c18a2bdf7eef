import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { ChatHandlerCore } from "./chat-handler-core.js";
import type { HandlerClientOptions } from "./client-options.js";
import { ProviderConfigError } from "./errors.js";
import { buildOpenAICompatibleParams } from "./openai-compatible-params.js";
import { isOpenAICompatiblePreset, OPENAI_COMPATIBLE_PRESETS, type PresetDefaults } from "./presets.js";

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
 * `openAiApiKey`, `openAiModelId` and `openAiHeaders`. `parallel_tool_calls` follows the flag
 * whenever tools are sent; the history follows the model's rules for a direct connection.
 */
export class OpenAICompatibleHandler implements ApiHandler {
  readonly providerName: string;
  readonly #core: ChatHandlerCore;
  readonly #settings: ProviderSettings;

  constructor(settings: ProviderSettings, options: OpenAICompatibleHandlerOptions = {}) {
    const preset = presetOf(settings);
    const providerName = options.providerName ?? preset?.name ?? "OpenAI-compatible";
    const fail = (message: string) =>
      new ProviderConfigError("invalid_settings", `${providerName}: ${message}`, { provider: providerName });
    const baseUrl = settings.openAiBaseUrl || preset?.baseUrl;
    if (!baseUrl) throw fail("openAiBaseUrl is required");
    const modelId = settings.openAiModelId || settings.apiModelId;
    if (!modelId) throw fail("openAiModelId is required");
    if (preset?.requiresApiKey && !settings.openAiApiKey) throw fail("openAiApiKey is required");
    this.providerName = providerName;
    this.#settings = settings;
    this.#core = new ChatHandlerCore(
      {
        providerName,
        baseUrl,
        apiKey: settings.openAiApiKey,
        modelId,
        route: "direct",
        ...(settings.openAiHeaders ? { defaultHeaders: settings.openAiHeaders } : {}),
      },
      options,
    );
  }

  getModel(): { id: string; info: ModelInfo } {
    return this.#core.model(this.#settings);
  }

  async *createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const body = buildOpenAICompatibleParams({
      settings: this.#settings,
      modelId: this.#core.endpoint.modelId,
      systemPrompt,
      messages,
      metadata,
    });
    yield* this.#core.send(body, options.signal ? { signal: options.signal } : {});
  }
}
