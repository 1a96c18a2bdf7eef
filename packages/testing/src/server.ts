import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { invalidRequestBody, renderError } from "./error-bodies.js";
import { RESPONSES_PATH } from "./responses/responses-path.js";
import { findResponsesRequestProblem } from "./responses/validate-responses.js";
import { playStream } from "./sse-writer.js";
import type { RecordedRequest, ScriptedResponse, ScriptHandler, TestServer, TestServerOptions } from "./types.js";
import { findChatRequestProblem } from "./validate.js";

const CHAT_PATH = "/v1/chat/completions";
const MODELS_PATH = "/v1/models";

// Each protocol's route and the checks its real API makes before any model runs.
const VALIDATORS: Record<string, (body: unknown) => { message: string; param: string | null; code?: string } | null> = {
  [CHAT_PATH]: findChatRequestProblem,
  [RESPONSES_PATH]: findResponsesRequestProblem,
};

const MODELS = [
  { id: "test/model", name: "Test Model", context_length: 128_000 },
  { id: "anthropic/claude-sonnet-4.5", name: "Anthropic: Claude Sonnet 4.5", context_length: 1_000_000 },
  { id: "openai/gpt-5", name: "OpenAI: GPT-5", context_length: 400_000 },
];

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    // A client that goes away mid-upload still gets its partial request recorded.
    req.on("error", () => resolve(Buffer.concat(parts).toString("utf8")));
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

// Problems with the test setup itself: the SDK must not retry them (x-should-retry) since a retry cannot help.
function sendHarnessError(res: ServerResponse, message: string): void {
  sendJson(res, 500, { error: { message, code: 500, type: "test_server_error" } }, { "x-should-retry": "false" });
}

async function answer(
  res: ServerResponse,
  response: ScriptedResponse,
  req: RecordedRequest,
  signal: AbortSignal,
): Promise<void> {
  switch (response.kind) {
    case "stream":
      return playStream(res, response, signal);
    case "error": {
      const { status, headers, body } = renderError(response, req);
      return sendJson(res, status, body, headers);
    }
    case "json":
      return sendJson(res, response.status ?? 200, response.body, response.headers);
    case "reset":
      res.socket?.destroy();
      return;
    case "text":
      if (res.destroyed) return;
      res.writeHead(response.status ?? 200, {
        "content-type": response.contentType ?? "text/html; charset=utf-8",
        ...response.headers,
      });
      res.end(response.body);
      return;
    default:
      return sendHarnessError(res, `test-server: unknown scripted response kind ${JSON.stringify(response)}`);
  }
}

/** Starts a local OpenAI-compatible Chat Completions server on 127.0.0.1 (ephemeral port by default). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const validate = options.validateRequests ?? true;
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  let handler: ScriptHandler | null = null;
  const sockets = new Set<Socket>();
  const inFlight = new Set<AbortController>();
  let closing: Promise<void> | undefined;

  async function nextResponse(req: RecordedRequest): Promise<ScriptedResponse | string> {
    const queued = queue.shift();
    if (queued) return queued;
    if (!handler) {
      return `test-server: no scripted response left for ${req.method} ${req.path} (request #${requests.length}); enqueue() one or setHandler()`;
    }
    try {
      return await handler(req);
    } catch (error) {
      return `test-server: handler threw: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const rawBody = await readBody(req);
    const url = req.url ?? "/";
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.split("?")[0] ?? url,
      url,
      headers: lowerCaseHeaders(req),
      body: parseJson(rawBody),
      rawBody,
      receivedAt: Date.now(),
    };
    requests.push(recorded);
    if (signal.aborted) return;

    if (recorded.method === "GET" && recorded.path === MODELS_PATH) {
      const data = MODELS.map((m) => ({ ...m, object: "model", created: 1_700_000_000, owned_by: "test-server" }));
      return sendJson(res, 200, { object: "list", data });
    }
    const validator = VALIDATORS[recorded.path];
    if (recorded.method !== "POST" || !validator) {
      return sendJson(res, 404, {
        error: { message: `Not found: ${recorded.method} ${recorded.path}`, code: 404, type: "not_found_error" },
      });
    }
    if (validate) {
      const problem =
        recorded.body === undefined
          ? { message: "We could not parse the JSON body of your request.", param: null }
          : validator(recorded.body);
      if (problem) return sendJson(res, 400, invalidRequestBody(problem.message, problem.param, problem.code));
    }
    const response = await nextResponse(recorded);
    if (signal.aborted) return;
    if (typeof response === "string") return sendHarnessError(res, response);
    return answer(res, response, recorded, signal);
  }

  const server = createServer((req, res) => {
    const controller = new AbortController();
    inFlight.add(controller);
    // 'close' fires on completion too; aborting then is harmless and stops any pending sleep.
    res.on("close", () => {
      controller.abort();
      inFlight.delete(controller);
    });
    res.on("error", () => controller.abort());
    handle(req, res, controller.signal).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendHarnessError(res, `test-server: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // Resets from clients that abort are expected; without a listener they would be unhandled.
    socket.on("error", () => {});
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get queued() {
      return queue.length;
    },
    get activeResponses() {
      return inFlight.size;
    },
    enqueue(...responses) {
      queue.push(...responses);
    },
    setHandler(next) {
      handler = next;
    },
    reset() {
      queue.length = 0;
      handler = null;
      requests.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const controller of inFlight) controller.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
