import type { ApiHandlerCreateMessageMetadata, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { HandlerClientOptions } from "@parallel-tool-calls/provider-helpers";
import { ChatHandlerCore, type CostOf } from "@parallel-tool-calls/provider-helpers/internal";
import { ANTHROPIC_BETA_HEADER, OPENROUTER_DEFAULT_APP_HEADERS } from "./constants.js";
import { buildOpenRouterParams } from "./openrouter-params.js";

/** Options of {@link OpenRouterHandler} (and of `KilocodeOpenrouterHandler`): transport options and headers. */
export interface OpenRouterHandlerOptions extends HandlerClientOptions {
  /** `HTTP-Referer` sent to OpenRouter (app attribution); default `OPENROUTER_DEFAULT_APP_HEADERS`. */
  appUrl?: string;
  /** `X-Title` sent to OpenRouter (app attribution); default `OPENROUTER_DEFAULT_APP_HEADERS`. */
  appTitle?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** What differs between OpenRouter and a gateway in front of it (Kilocode). */
export interface OpenRouterGateway {
  providerName: string;
  baseUrl: string;
  apiKey: string | undefined;
  modelId: string;
  costOf: CostOf;
  /** The gateway's own headers for one request. */
  requestHeaders?(metadata: ApiHandlerCreateMessageMetadata): Record<string, string>;
}

/**
 * The shared core set up for an OpenRouter-style gateway: app attribution headers, the body
 * shaped for the model through OpenRouter, and the beta header for Anthropic models.
 */
export function openRouterCore(
  settings: ProviderSettings,
  gateway: OpenRouterGateway,
  options: OpenRouterHandlerOptions,
): ChatHandlerCore {
  const { requestHeaders, ...connection } = gateway;
  const beta = connection.modelId.startsWith("anthropic/") ? ANTHROPIC_BETA_HEADER : {};
  return new ChatHandlerCore(
    settings,
    {
      ...connection,
      route: "openrouter",
      streamErrorLabel: "OpenRouter",
      defaultHeaders: {
        "HTTP-Referer": options.appUrl ?? OPENROUTER_DEFAULT_APP_HEADERS["HTTP-Referer"],
        "X-Title": options.appTitle ?? OPENROUTER_DEFAULT_APP_HEADERS["X-Title"],
        ...options.headers,
      },
      buildBody: buildOpenRouterParams,
      requestHeaders: (metadata) => ({ ...beta, ...requestHeaders?.(metadata) }),
    },
    options,
  );
}
