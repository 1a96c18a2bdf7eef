import type { MessageParam } from "./messages.js";
import type { ApiHandlerCreateMessageMetadata } from "./metadata.js";
import type { RetryOptions } from "./retry-options.js";
import type { ApiStream } from "./stream.js";

/** What a handler knows about its model (all optional: local servers often know nothing). */
export interface ModelInfo {
  /** Most tokens one response may have. */
  maxTokens?: number;
  /** Most tokens a request and its response may have together. */
  contextWindow?: number;
  /** Whether the model reads images. */
  supportsImages?: boolean;
  /** USD per million input tokens. */
  inputPrice?: number;
  /** USD per million output tokens. */
  outputPrice?: number;
}

/** Per-call options of `createMessage`. */
export interface CreateMessageOptions {
  /** Aborting closes the HTTP connection and ends the stream with an abort error. */
  signal?: AbortSignal;
  /**
   * Overrides the handler's own retry options for this request, field by field (an agent loop's
   * per-task setting). Aborting `signal` also ends a wait between attempts at once.
   */
  retry?: RetryOptions;
}

/** What every provider handler implements. */
export interface ApiHandler {
  /** Sends one request and streams its response; failures are thrown as the handler's typed errors. */
  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options?: CreateMessageOptions,
  ): ApiStream;
  /** The model requests go to, and what is known about it. */
  getModel(): { id: string; info: ModelInfo };
}
