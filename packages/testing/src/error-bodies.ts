import type { ErrorResponse, RecordedRequest } from "./types.js";

// Messages modelled on what OpenRouter answers for each status.
const DEFAULT_MESSAGES: Record<ErrorResponse["status"], string> = {
  400: "Provider returned error",
  401: "No auth credentials found",
  402: "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
  404: "No endpoints found for test/model.",
  408: "Request timed out",
  409: "Conflict: a concurrent request is being processed",
  429: "Provider returned error",
  500: "Internal Server Error",
  502: "Bad gateway: the upstream provider returned an invalid response",
  503: "No instances available",
  504: "Gateway timeout: the upstream provider did not answer",
  // Anthropic's "overloaded" status.
  529: "Overloaded",
};

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Status, headers and JSON body for a scripted HTTP error. */
export function renderError(
  spec: ErrorResponse,
  req?: Pick<RecordedRequest, "headers" | "rawBody">,
): {
  status: number;
  headers: Record<string, string>;
  body: { error: Record<string, unknown> };
} {
  const headers: Record<string, string> = {};
  let metadata = spec.metadata;
  if (spec.status === 429) {
    const seconds = spec.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
    headers["retry-after"] = String(seconds);
    // OpenRouter forwards the upstream error (here Google's RetryInfo) as a JSON string in metadata.raw.
    metadata ??= {
      raw: JSON.stringify({
        error: {
          code: 429,
          message: "Resource has been exhausted (e.g. check quota).",
          status: "RESOURCE_EXHAUSTED",
          details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${seconds}s` }],
        },
      }),
      provider_name: "Google AI Studio",
    };
  }
  const echo =
    spec.echoRequest && req ? ` (request headers: ${JSON.stringify(req.headers)}; body: ${req.rawBody})` : "";
  const error: Record<string, unknown> = {
    message: `${spec.message ?? DEFAULT_MESSAGES[spec.status]}${echo}`,
    code: spec.code ?? spec.status,
  };
  if (spec.type !== undefined) error.type = spec.type;
  if (metadata !== undefined) error.metadata = metadata;
  return { status: spec.status, headers: { ...headers, ...spec.headers }, body: { error } };
}

/** OpenAI's shape for request validation failures. */
export function invalidRequestBody(message: string, param: string | null, code: string | null = null) {
  return { error: { message, type: "invalid_request_error", param, code } };
}
