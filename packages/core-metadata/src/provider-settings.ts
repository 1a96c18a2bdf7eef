import type { ToolProtocol } from "./protocol.js";

/** Providers that speak OpenAI-style Chat Completions through this library's handlers. */
export type ApiProvider =
  | "openrouter"
  | "kilocode"
  | "openai-compatible"
  | "deepinfra"
  | "lmstudio"
  | "inception"
  | "ollama"
  | "vllm"
  | "llamacpp";

/** How hard a reasoning model thinks, for models that take an effort level. */
export type ReasoningEffort = "minimal" | "low" | "medium" | "high";

/**
 * User-facing provider configuration. Field names follow the agents this library serves so that
 * their saved settings can be passed through unchanged.
 */
export interface ProviderSettings {
  apiProvider?: ApiProvider;
  /** How tools are sent to the model; native unless set to "xml". */
  toolProtocol?: ToolProtocol;

  /** Generic model id, used when a provider-specific one is not set. */
  apiModelId?: string;
  modelTemperature?: number | null;
  /** Completion token limit; sent only when positive. */
  modelMaxTokens?: number;
  reasoningEffort?: ReasoningEffort;
  /** Token budget for models that take one instead of an effort level. */
  modelMaxThinkingTokens?: number;

  openRouterApiKey?: string;
  openRouterModelId?: string;
  openRouterBaseUrl?: string;
  /** Route to one upstream provider (OpenRouter `provider.order`). */
  openRouterSpecificProvider?: string;
  openRouterProviderDataCollection?: "allow" | "deny";
  openRouterProviderSort?: "price" | "throughput" | "latency";
  openRouterZdr?: boolean;

  kilocodeToken?: string;
  kilocodeModel?: string;
  kilocodeOrganizationId?: string;
  /** Kilocode gateway base URL; defaults to the public one. */
  kilocodeBaseUrl?: string;

  /** OpenAI-compatible servers (and the presets built on them). */
  openAiBaseUrl?: string;
  openAiApiKey?: string;
  openAiModelId?: string;
  /** Extra headers for OpenAI-compatible servers. */
  openAiHeaders?: Record<string, string>;
}
