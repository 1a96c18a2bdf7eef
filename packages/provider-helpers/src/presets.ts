import type { ApiProvider } from "@parallel-tool-calls/core-metadata";

/** OpenAI-compatible servers with a well-known default address. */
export type OpenAICompatiblePreset = Extract<
  ApiProvider,
  "deepinfra" | "lmstudio" | "inception" | "ollama" | "vllm" | "llamacpp"
>;

export interface PresetDefaults {
  /** Display name used in error messages. */
  name: string;
  baseUrl: string;
  /** Local servers accept any key; hosted ones need the user's. */
  requiresApiKey: boolean;
}

export const OPENAI_COMPATIBLE_PRESETS: Readonly<Record<OpenAICompatiblePreset, Readonly<PresetDefaults>>> = {
  deepinfra: { name: "DeepInfra", baseUrl: "https://api.deepinfra.com/v1/openai", requiresApiKey: true },
  lmstudio: { name: "LM Studio", baseUrl: "http://localhost:1234/v1", requiresApiKey: false },
  inception: { name: "Inception", baseUrl: "https://api.inceptionlabs.ai/v1", requiresApiKey: true },
  ollama: { name: "Ollama", baseUrl: "http://localhost:11434/v1", requiresApiKey: false },
  vllm: { name: "vLLM", baseUrl: "http://localhost:8000/v1", requiresApiKey: false },
  llamacpp: { name: "llama.cpp", baseUrl: "http://localhost:8080/v1", requiresApiKey: false },
};

export function isOpenAICompatiblePreset(provider: unknown): provider is OpenAICompatiblePreset {
  return typeof provider === "string" && Object.hasOwn(OPENAI_COMPATIBLE_PRESETS, provider);
}
