import type { ApiProvider } from "@parallel-tool-calls/core-metadata";

/** OpenAI-compatible servers with a well-known default address. */
export type OpenAICompatiblePreset = Extract<
  ApiProvider,
  "deepinfra" | "lmstudio" | "inception" | "ollama" | "vllm" | "llamacpp"
>;

/** The defaults of one preset. */
export interface OpenAICompatiblePresetDefaults {
  /** Display name used in error messages. */
  name: string;
  /** The server's usual address, used when the settings have no `openAiBaseUrl`. */
  baseUrl: string;
  /** Local servers accept any key; hosted ones need the user's. */
  requiresApiKey: boolean;
}

/** The presets of {@link OpenAICompatibleHandler}, by `apiProvider`: display name, default address, whether a key is needed. */
export const OPENAI_COMPATIBLE_PRESETS: Readonly<
  Record<OpenAICompatiblePreset, Readonly<OpenAICompatiblePresetDefaults>>
> = {
  deepinfra: { name: "DeepInfra", baseUrl: "https://api.deepinfra.com/v1/openai", requiresApiKey: true },
  lmstudio: { name: "LM Studio", baseUrl: "http://localhost:1234/v1", requiresApiKey: false },
  inception: { name: "Inception", baseUrl: "https://api.inceptionlabs.ai/v1", requiresApiKey: true },
  ollama: { name: "Ollama", baseUrl: "http://localhost:11434/v1", requiresApiKey: false },
  vllm: { name: "vLLM", baseUrl: "http://localhost:8000/v1", requiresApiKey: false },
  llamacpp: { name: "llama.cpp", baseUrl: "http://localhost:8080/v1", requiresApiKey: false },
};

/** Whether `provider` (an `apiProvider` value) names one of {@link OPENAI_COMPATIBLE_PRESETS}. */
export function isOpenAICompatiblePreset(provider: unknown): provider is OpenAICompatiblePreset {
  return typeof provider === "string" && Object.hasOwn(OPENAI_COMPATIBLE_PRESETS, provider);
}
