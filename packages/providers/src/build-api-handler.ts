import type { ApiHandler, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import {
  isOpenAICompatiblePreset,
  OpenAICompatibleHandler,
  type OpenAICompatibleHandlerOptions,
  ProviderConfigError,
} from "@parallel-tool-calls/provider-helpers";
import { OpenAiNativeHandler, type OpenAiNativeHandlerOptions } from "@parallel-tool-calls/provider-openai-native";
import {
  type KilocodeHandlerOptions,
  KilocodeOpenrouterHandler,
  OpenRouterHandler,
  type OpenRouterHandlerOptions,
} from "@parallel-tool-calls/provider-openrouter";

/** Per-handler options for {@link buildApiHandler}; only the chosen handler's entry is used. */
export interface BuildApiHandlerOptions {
  /** For `apiProvider` `openrouter` (or unset). */
  openrouter?: OpenRouterHandlerOptions;
  /** For `apiProvider` `kilocode`. */
  kilocode?: KilocodeHandlerOptions;
  /** For `apiProvider` `openai-compatible` and its presets. */
  openAICompatible?: OpenAICompatibleHandlerOptions;
  /** For `apiProvider` `openai-native` (the Responses API). */
  openAiNative?: OpenAiNativeHandlerOptions;
}

/**
 * Picks the handler for `settings.apiProvider`: `openrouter` (also when unset), `kilocode`,
 * `openai-native` (OpenAI's Responses API), and `openai-compatible` or one of its presets
 * (deepinfra, lmstudio, inception, ollama, vllm, llamacpp).
 * An unknown provider throws a {@link ProviderConfigError} with code `unknown_provider`.
 */
export function buildApiHandler(settings: ProviderSettings, options: BuildApiHandlerOptions = {}): ApiHandler {
  const provider = settings.apiProvider ?? "openrouter";
  if (provider === "openrouter") return new OpenRouterHandler(settings, options.openrouter);
  if (provider === "kilocode") return new KilocodeOpenrouterHandler(settings, options.kilocode);
  if (provider === "openai-native") return new OpenAiNativeHandler(settings, options.openAiNative);
  if (provider === "openai-compatible" || isOpenAICompatiblePreset(provider)) {
    return new OpenAICompatibleHandler(settings, options.openAICompatible);
  }
  throw new ProviderConfigError({
    code: "unknown_provider",
    message: `Unknown apiProvider ${JSON.stringify(provider)}`,
    provider: String(provider),
  });
}
