import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { buildChatRequestBody, type ChatRequestBody } from "@parallel-tool-calls/provider-helpers";
import { buildProviderRouting } from "./provider-routing.js";
import { buildReasoning } from "./reasoning-params.js";

export interface OpenRouterParamsInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata?: ApiHandlerCreateMessageMetadata;
}

/**
 * The whole OpenRouter request body, built once: the shared body with the history shaped for the
 * model through OpenRouter (reasoning details sent back, Gemini's signature placeholder, Anthropic
 * cache breakpoints, Mistral ids), plus provider routing and reasoning from the settings.
 * `parallel_tool_calls` (from the flag) is present exactly when tools are.
 */
export function buildOpenRouterParams(input: OpenRouterParamsInput): ChatRequestBody {
  const provider = buildProviderRouting(input.settings);
  const reasoning = buildReasoning(input.settings);
  return buildChatRequestBody({
    ...input,
    route: "openrouter",
    extras: { ...(provider ? { provider } : {}), ...(reasoning ? { reasoning } : {}) },
  });
}
