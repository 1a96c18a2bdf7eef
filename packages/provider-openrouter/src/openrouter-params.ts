import type { ChatBodyInput, ChatRequestBody } from "@parallel-tool-calls/provider-helpers/internal";
import { buildChatRequestBody } from "@parallel-tool-calls/provider-helpers/internal";
import { buildProviderRouting } from "./provider-routing.js";
import { buildReasoning } from "./reasoning-params.js";

/**
 * The whole OpenRouter request body, built once: the shared body with the history shaped for the
 * model through OpenRouter (reasoning details sent back, Gemini's signature placeholder, Anthropic
 * cache breakpoints, Mistral ids), plus provider routing and reasoning from the settings.
 * `parallel_tool_calls` (from the flag) is present exactly when tools are.
 */
export function buildOpenRouterParams(input: ChatBodyInput): ChatRequestBody {
  const provider = buildProviderRouting(input.settings);
  const reasoning = buildReasoning(input.settings);
  return buildChatRequestBody({
    ...input,
    route: "openrouter",
    extras: { ...(provider ? { provider } : {}), ...(reasoning ? { reasoning } : {}) },
  });
}
