import type {
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import OpenAI from "openai";
import type { ChatRequestBody } from "./chat-request-body.js";
import type { ChatBodyInput } from "./chat-request-builder.js";
import { type HandlerClientOptions, NO_API_KEY, sdkTransportOptions, streamBoundsOf } from "./client-options.js";
import { type ResolvedRetryOptions, resolveRetryOptions } from "./core/retry-policy.js";
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
  /** The whole request body of one request (see `buildChatRequestBody`). */
  buildBody(input: ChatBodyInput): ChatRequestBody;
  /** Headers of one request on top of the default ones (e.g. from its metadata). */
  requestHeaders?(metadata: ApiHandlerCreateMessageMetadata): Record<string, string>;
}

/**
 * The part every Chat Completions handler shares (OpenRouter, Kilocode, OpenAI-compatible): one
 * `openai` client, the endpoint's secrets (key, configured header values, URL credentials) kept
 * out of errors, the stream bounds, the request and the stream mapping. A public handler class
 * holds one and hands `getModel` and `createMessage` to it; only its endpoint differs.
 */
export class ChatHandlerCore {
  readonly endpoint: Readonly<ChatEndpoint>;
  readonly #settings: ProviderSettings;
  readonly #client: OpenAI;
  readonly #secrets: readonly string[];
  readonly #bounds: StreamBounds;
  readonly #retry: ResolvedRetryOptions;

  constructor(settings: ProviderSettings, endpoint: ChatEndpoint, transport: HandlerClientOptions = {}) {
    this.endpoint = endpoint;
    this.#settings = settings;
    this.#secrets = handlerSecrets({
      apiKey: endpoint.apiKey,
      headers: endpoint.defaultHeaders,
      baseUrl: endpoint.baseUrl,
    });
    this.#bounds = streamBoundsOf(transport);
    this.#retry = resolveRetryOptions(transport.retry);
    this.#client = new OpenAI({
      baseURL: endpoint.baseUrl,
      apiKey: endpoint.apiKey || NO_API_KEY,
      ...(endpoint.defaultHeaders ? { defaultHeaders: endpoint.defaultHeaders } : {}),
      ...sdkTransportOptions(transport),
    });
  }

  /** Model id and what the settings say about it. */
  getModel(): { id: string; info: ModelInfo } {
    const info: ModelInfo = {};
    const maxTokens = this.#settings.modelMaxTokens;
    if (maxTokens !== undefined && maxTokens > 0) info.maxTokens = maxTokens;
    return { id: this.endpoint.modelId, info };
  }

  /** Builds the body once, sends it and yields its chunks; failures are typed provider errors without secrets. */
  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const { providerName, streamErrorLabel, costOf, modelId } = this.endpoint;
    const body = this.endpoint.buildBody({ settings: this.#settings, modelId, systemPrompt, messages, metadata });
    const headers = this.endpoint.requestHeaders?.(metadata);
    return streamChatCompletion({
      client: this.#client,
      body,
      ...(headers ? { headers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      errors: {
        provider: providerName,
        ...(streamErrorLabel ? { streamErrorLabel } : {}),
        secrets: this.#secrets,
      },
      ...(costOf ? { costOf } : {}),
      bounds: this.#bounds,
      retry: options.retry === undefined ? this.#retry : resolveRetryOptions(this.#retry, options.retry),
    });
  }
}
