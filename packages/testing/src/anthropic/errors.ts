import type { JsonResponse } from "../types.js";

/** The error types the Messages API answers with, by HTTP status. */
export const MESSAGES_ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "Invalid request",
  401: "invalid x-api-key",
  403: "Your API key does not have permission to use the specified resource.",
  404: "model: claude-does-not-exist",
  413: "Request exceeds the maximum allowed number of bytes.",
  429: "Number of request tokens has exceeded your per-minute rate limit",
  500: "Internal server error",
  529: "Overloaded",
};

/** The API's error body: `{type: "error", error: {type, message}, request_id}`. */
export function messagesErrorBody(status: number, message?: string) {
  return {
    type: "error",
    error: {
      type: MESSAGES_ERROR_TYPES[status] ?? "api_error",
      message: message ?? DEFAULT_MESSAGES[status] ?? "Error",
    },
    request_id: "req_test_0001",
  };
}

/** What `messagesError` answers with besides the status. */
export interface MessagesErrorOptions {
  message?: string;
  /** Seconds for `retry-after` (sent on 429 and 529 by default: 1). */
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

/** A scripted HTTP error of the Messages API (status, its body, `retry-after` where the API sends it). */
export function messagesError(status: number, options: MessagesErrorOptions = {}): JsonResponse {
  const retry = options.retryAfterSeconds ?? (status === 429 || status === 529 ? 1 : undefined);
  return {
    kind: "json",
    status,
    body: messagesErrorBody(status, options.message),
    headers: {
      "request-id": "req_test_0001",
      ...(retry === undefined ? {} : { "retry-after": String(retry) }),
      ...options.headers,
    },
  };
}
