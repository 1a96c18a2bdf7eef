import type { ApiStream, ModelInfo, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import OpenAI from "openai";
import type { ChatRequestBody } from "./chat-request-body.js";
import { type HandlerClientOptions, NO_API_KEY, sdkTransportOptions, streamBoundsOf } from "./client-options.js";
import { handlerSecrets } from "./handler-secrets.js";
import type { ModelRoute } from "./model-rules.js";
import type { StreamBounds } from "./stream-bounds.js";
import { streamChatCompletion } from "./stream-chat-completion.js";
import type { CostOf } from "./usage.js";

/** Everything that makes one handler differ from another: data, not subclasses. */
export interface ChatEndpoint {
  /** Display name in error messages. */
  providerName: string;
  baseUrl: string;
  apiKey: string | undefined;
  modelId: string;
  /** How history is shaped for the model (see `historyOptionsFor`). */
  route: ModelRoute;
  /** Headers on every request. */
  defaultHeaders?: Record<string, string>;
  /** Name in the message of an in-stream error (default: `providerName`). */
  streamErrorLabel?: string;
  /** Prices the usage report; without it the usage chunk has no `totalCost`. */
  costOf?: CostOf;
}

export interface ChatSendOptions {
  /** Per-request headers on top of the default ones. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The part every Chat Completions handler shares (OpenRouter, Kilocode, OpenAI-compatible): one
 * `openai` client, the endpoint's secrets (key, configured header values, URL credentials) kept
 * out of errors, the stream bounds, and the stream mapping. Handlers hold one and add only their
 * settings, body extras and headers.
 */
export class ChatHandlerCore {
  readonly endpoint: Readonly<ChatEndpoint>;
  readonly #client: OpenAI;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;

  constructor(endpoint: ChatEndpoint, transport: HandlerClientOptions = {}) {
    this.endpoint = endpoint;
    this.#secrets = handlerSecrets({
      apiKey: endpoint.apiKey,
      headers: endpoint.defaultHeaders,
      baseUrl: endpoint.baseUrl,
    });
    this.#bounds = streamBoundsOf(transport);
    this.#client = new OpenAI({
      baseURL: endpoint.baseUrl,
      apiKey: endpoint.apiKey || NO_API_KEY,
      ...(endpoint.defaultHeaders ? { defaultHeaders: endpoint.defaultHeaders } : {}),
      ...sdkTransportOptions(transport),
    });
  }

  /** Model id and what the settings say about it. */
  model(settings: ProviderSettings): { id: string; info: ModelInfo } {
    const info: ModelInfo = {};
    const maxTokens = settings.modelMaxTokens;
    if (maxTokens !== undefined && maxTokens > 0) info.maxTokens = maxTokens;
    return { id: this.endpoint.modelId, info };
  }

  /** Sends the body and yields its chunks; failures are typed provider errors without secrets. */
  send(body: ChatRequestBody, options: ChatSendOptions = {}): ApiStream {
    const { providerName, streamErrorLabel, costOf } = this.endpoint;
    return streamChatCompletion({
      client: this.#client,
      body,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      errors: {
        provider: providerName,
        ...(streamErrorLabel ? { streamErrorLabel } : {}),
        secrets: this.#secrets,
      },
      ...(costOf ? { costOf } : {}),
      bounds: this.#bounds,
    });
  }
}
