import type { ApiHandler, ApiStream, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import { ChatHandlerCore } from "./chat-handler-core.js";
import type { HandlerClientOptions } from "./client-options.js";
import { ProviderConfigError } from "./errors.js";
import { buildOpenAICompatibleParams } from "./openai-compatible-params.js";
import { isOpenAICompatiblePreset, OPENAI_COMPATIBLE_PRESETS, type OpenAICompatiblePresetDefaults } from "./presets.js";

/** Options of {@link OpenAICompatibleHandler}: the transport options and a display name. */
export interface OpenAICompatibleHandlerOptions extends HandlerClientOptions {
  /** Display name in error messages (default: the preset's name, else "OpenAI-compatible"). */
  providerName?: string;
}

function presetOf(settings: ProviderSettings): OpenAICompatiblePresetDefaults | undefined {
  return isOpenAICompatiblePreset(settings.apiProvider) ? OPENAI_COMPATIBLE_PRESETS[settings.apiProvider] : undefined;
}

/**
 * A Chat Completions server reached through the `openai` SDK: `openAiBaseUrl` (or the preset's
 * default address for `apiProvider` deepinfra, lmstudio, inception, ollama, vllm, llamacpp),
 * `openAiApiKey`, `openAiModelId` and `openAiHeaders`. `parallel_tool_calls` follows the flag
 * whenever tools are sent; the history follows the model's rules for a direct connection.
 * Settings that cannot work throw a {@link ProviderConfigError} with code `invalid_settings`.
 */
export class OpenAICompatibleHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName: string;
  readonly #core: ChatHandlerCore;

  constructor(settings: ProviderSettings, options: OpenAICompatibleHandlerOptions = {}) {
    const preset = presetOf(settings);
    const providerName = options.providerName ?? preset?.name ?? "OpenAI-compatible";
    const fail = (message: string) =>
      new ProviderConfigError({
        code: "invalid_settings",
        message: `${providerName}: ${message}`,
        provider: providerName,
      });
    const baseUrl = settings.openAiBaseUrl || preset?.baseUrl;
    if (!baseUrl) throw fail("openAiBaseUrl is required");
    const modelId = settings.openAiModelId || settings.apiModelId;
    if (!modelId) throw fail("openAiModelId is required");
    if (preset?.requiresApiKey && !settings.openAiApiKey) throw fail("openAiApiKey is required");
    this.providerName = providerName;
    this.#core = new ChatHandlerCore(
      settings,
      {
        providerName,
        baseUrl,
        apiKey: settings.openAiApiKey,
        modelId,
        route: "direct",
        ...(settings.openAiHeaders ? { defaultHeaders: settings.openAiHeaders } : {}),
        buildBody: buildOpenAICompatibleParams,
      },
      options,
    );
  }

  /** The model id (`openAiModelId`, else `apiModelId`) and `maxTokens` from `modelMaxTokens`. */
  getModel(): ReturnType<ApiHandler["getModel"]> {
    return this.#core.getModel();
  }

  /** Streams one request; see the package README for what the stream yields and throws. */
  createMessage(...request: Parameters<ApiHandler["createMessage"]>): ApiStream {
    return this.#core.createMessage(...request);
  }
}
