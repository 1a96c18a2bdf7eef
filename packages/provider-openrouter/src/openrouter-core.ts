import type {
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { ChatHandlerCore, type CostOf, type HandlerClientOptions } from "@parallel-tool-calls/provider-helpers";
import { ANTHROPIC_BETA_HEADER, OPENROUTER_DEFAULT_APP_HEADERS } from "./constants.js";
import { buildOpenRouterParams } from "./openrouter-params.js";

export interface OpenRouterHandlerOptions extends HandlerClientOptions {
  /** `HTTP-Referer` sent to OpenRouter (app attribution). */
  appUrl?: string;
  /** `X-Title` sent to OpenRouter (app attribution). */
  appTitle?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** Where and as whom an OpenRouter-style handler connects. */
export interface OpenRouterConnection {
  baseUrl: string;
  apiKey: string | undefined;
  modelId: string;
}

/** The shared core set up for an OpenRouter-style gateway (app attribution headers, cost). */
export function openRouterCore(
  providerName: string,
  connection: OpenRouterConnection,
  options: OpenRouterHandlerOptions,
  costOf: CostOf,
): ChatHandlerCore {
  return new ChatHandlerCore(
    {
      providerName,
      ...connection,
      route: "openrouter",
      streamErrorLabel: "OpenRouter",
      costOf,
      defaultHeaders: {
        "HTTP-Referer": options.appUrl ?? OPENROUTER_DEFAULT_APP_HEADERS["HTTP-Referer"],
        "X-Title": options.appTitle ?? OPENROUTER_DEFAULT_APP_HEADERS["X-Title"],
        ...options.headers,
      },
    },
    options,
  );
}

/** One OpenRouter request: the body built once, the beta header for Anthropic models, extra headers. */
export async function* sendOpenRouter(
  core: ChatHandlerCore,
  settings: ProviderSettings,
  request: { systemPrompt: string; messages: MessageParam[]; metadata: ApiHandlerCreateMessageMetadata },
  options: CreateMessageOptions,
  headers: Record<string, string> = {},
): ApiStream {
  const { modelId } = core.endpoint;
  const body = buildOpenRouterParams({ settings, modelId, ...request });
  yield* core.send(body, {
    headers: { ...(modelId.startsWith("anthropic/") ? ANTHROPIC_BETA_HEADER : {}), ...headers },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
