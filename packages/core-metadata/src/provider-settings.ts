import type { ToolProtocol } from "./protocol.js";

/**
 * The providers this library has handlers for: Chat Completions ones (OpenRouter, Kilocode,
 * OpenAI-compatible hosts), Anthropic's Messages API (`anthropic`) and OpenAI's Responses API
 * (`openai-native`).
 */
export type ApiProvider =
  | "anthropic"
  | "openai-native"
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
  /** Which provider handler to build. */
  apiProvider?: ApiProvider;
  /** How tools are sent to the model; native unless set to "xml". */
  toolProtocol?: ToolProtocol;

  /** Generic model id, used when a provider-specific one is not set. */
  apiModelId?: string;
  /** Sampling temperature; `null` or absent leaves the provider's default. */
  modelTemperature?: number | null;
  /** Completion token limit; sent only when positive. */
  modelMaxTokens?: number;
  /** Effort level for reasoning models. */
  reasoningEffort?: ReasoningEffort;
  /** Token budget for models that take one instead of an effort level. */
  modelMaxThinkingTokens?: number;

  /** OpenRouter key (a secret). */
  openRouterApiKey?: string;
  /** Model id on OpenRouter. */
  openRouterModelId?: string;
  /** OpenRouter base URL; defaults to the public one. */
  openRouterBaseUrl?: string;
  /** Route to one upstream provider (OpenRouter `provider.order`). */
  openRouterSpecificProvider?: string;
  /** OpenRouter `provider.data_collection`. */
  openRouterProviderDataCollection?: "allow" | "deny";
  /** OpenRouter `provider.sort`. */
  openRouterProviderSort?: "price" | "throughput" | "latency";
  /** OpenRouter `provider.zdr`: zero-data-retention endpoints only. */
  openRouterZdr?: boolean;

  /** The Kilo Code gateway token (a secret). */
  kilocodeToken?: string;
  /** Model id on the Kilo Code gateway. */
  kilocodeModel?: string;
  /** Organization to bill and attribute requests to. */
  kilocodeOrganizationId?: string;
  /** Kilocode gateway base URL; defaults to the public one. */
  kilocodeBaseUrl?: string;

  /** OpenAI-compatible servers (and the presets built on them). */
  openAiBaseUrl?: string;
  /** Key of the OpenAI-compatible server (a secret). */
  openAiApiKey?: string;
  /** Model id on the OpenAI-compatible server. */
  openAiModelId?: string;
  /** Extra headers for OpenAI-compatible servers. */
  openAiHeaders?: Record<string, string>;

  /** Anthropic key (a secret), for `apiProvider: "anthropic"`. */
  apiKey?: string;
  /** Anthropic base URL; defaults to the public one. */
  anthropicBaseUrl?: string;

  /** OpenAI key (a secret), for `apiProvider: "openai-native"` (the Responses API). */
  openAiNativeApiKey?: string;
  /** Responses API base URL; defaults to OpenAI's. Any Responses-compatible server works. */
  openAiNativeBaseUrl?: string;
}
