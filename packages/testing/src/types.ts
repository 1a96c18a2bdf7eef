/** One request as the server saw it, recorded before any answer is written. */
export interface RecordedRequest {
  method: string;
  /** URL path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Path plus query string, exactly as received. */
  url: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON (see `rawBody`). */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON that tests inspect freely.
  body: any;
  rawBody: string;
  /** `Date.now()` when the request body had been fully read. */
  receivedAt: number;
}

/** One step of a scripted SSE stream. */
export type SseEvent =
  /** Written as `data: <json>\n\n`. */
  | { data: object }
  /** Written as `: <comment>\n\n` (keep-alive line; SSE clients ignore it). */
  | { comment: string }
  /** Destroys the socket at this point, without `[DONE]` or a clean end. */
  | { cut: true }
  /** Waits this long before the next event (on top of any pacing). */
  | { delayMs: number }
  /** Written verbatim, for malformed-framing tests. */
  | { raw: string }
  /** Written one character at a time, `everyMs` apart: a server that drips bytes. */
  | { drip: string; everyMs: number }
  /** Sends nothing more and keeps the connection open until the client goes away. */
  | { stall: true };

export interface StreamResponse {
  kind: "stream";
  events: SseEvent[];
  /** Pause between consecutive events. */
  pacingMs?: number;
  /** Send `data: [DONE]` after the events (default true). */
  done?: boolean;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

export type ErrorStatus = 400 | 401 | 402 | 404 | 408 | 409 | 429 | 500 | 502 | 503 | 504 | 529;

export interface ErrorResponse {
  kind: "error";
  status: ErrorStatus;
  message?: string;
  /** Defaults to the status number, as OpenRouter does. */
  code?: string | number;
  /** OpenAI-style error type, e.g. `invalid_request_error`. Omitted unless given. */
  type?: string;
  metadata?: object;
  /** Extra or overriding response headers. */
  headers?: Record<string, string>;
  /** 429 only: value of `retry-after` and of the retry hint in `metadata.raw` (default 1 second). */
  retryAfterSeconds?: number;
  /** Appends the request's headers and raw body to the message, as careless servers do. */
  echoRequest?: boolean;
}

export interface JsonResponse {
  kind: "json";
  body: object;
  status?: number;
  headers?: Record<string, string>;
}

/** Any body with any content type, e.g. the HTML login page of a captive portal answering 200. */
export interface TextResponse {
  kind: "text";
  body: string;
  /** Default `text/html; charset=utf-8`. */
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

/** Closes the connection without answering: the client sees a reset before any response headers. */
export interface ResetResponse {
  kind: "reset";
}

export type ScriptedResponse = StreamResponse | ErrorResponse | JsonResponse | TextResponse | ResetResponse;

export type ScriptHandler = (req: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>;

export interface TestServerOptions {
  /** Reject invalid chat requests with 400 like OpenAI does (default true). */
  validateRequests?: boolean;
  host?: "127.0.0.1";
  /** Default 0 (an ephemeral port). */
  port?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>/v1`, ready to pass as `baseURL` to the openai SDK. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in arrival order (live array; cleared by `reset`). */
  readonly requests: RecordedRequest[];
  /** Number of scripted responses still queued. */
  readonly queued: number;
  /** Number of responses currently being written (streams in flight). */
  readonly activeResponses: number;
  /** TCP connections accepted since the server started (not cleared by `reset`): requests over fewer connections were kept alive. */
  readonly connections: number;
  /** Queue responses; each POST /v1/chat/completions that passes validation consumes one, FIFO. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Answer chat requests with this function when the queue is empty (`null` removes it). */
  setHandler(handler: ScriptHandler | null): void;
  /** Clears the queue, the handler and the recorded requests. */
  reset(): void;
  /** Stops listening and destroys every open socket, including streams in flight. */
  close(): Promise<void>;
}
