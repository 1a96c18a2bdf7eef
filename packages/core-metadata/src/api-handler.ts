import type { MessageParam } from "./messages.js";
import type { ApiHandlerCreateMessageMetadata } from "./metadata.js";
import type { ApiStream } from "./stream.js";

export interface ModelInfo {
  maxTokens?: number;
  contextWindow?: number;
  supportsImages?: boolean;
  /** USD per million input tokens. */
  inputPrice?: number;
  /** USD per million output tokens. */
  outputPrice?: number;
}

export interface CreateMessageOptions {
  /** Aborting closes the HTTP connection and ends the stream with an abort error. */
  signal?: AbortSignal;
}

/** What every provider handler implements. */
export interface ApiHandler {
  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options?: CreateMessageOptions,
  ): ApiStream;
  getModel(): { id: string; info: ModelInfo };
}
