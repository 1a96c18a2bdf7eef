import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "openai";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_AFTER_SECONDS, type ErrorStatus } from "../src/index.js";
import { sdkClient, userOnly, useServer } from "./helpers.js";

const ctx = useServer();

async function createError(server: typeof ctx.server): Promise<APIError> {
  const error = await sdkClient(server)
    .chat.completions.create({ model: "test/model", messages: userOnly, stream: true })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

const sdkClassByStatus: Array<[ErrorStatus, new (...args: never[]) => APIError]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, APIError],
  [404, NotFoundError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
];

describe("scripted HTTP errors through the openai SDK", () => {
  it.each(sdkClassByStatus)("status %i becomes the matching APIError with a readable message", async (status, cls) => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status });
    const error = await createError(server);
    expect(error).toBeInstanceOf(cls);
    expect(error.status).toBe(status);
    expect(error.code).toBe(status);
    expect(error.message).toMatch(new RegExp(`^${status} \\S`));
  });

  it("uses the given message, code, type and metadata", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "error",
      status: 402,
      message: "Payment required",
      code: "payment_required",
      type: "billing_error",
      metadata: { balance: 0 },
      headers: { "x-request-id": "req-1" },
    });
    const error = await createError(server);
    expect(error.error).toEqual({
      message: "Payment required",
      code: "payment_required",
      type: "billing_error",
      metadata: { balance: 0 },
    });
    expect(error.message).toBe("402 Payment required");
    expect(error.headers?.get("x-request-id")).toBe("req-1");
  });

  it("adds a retry-after header and an upstream retryDelay in metadata.raw to 429 by default", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 429 });
    const error = await createError(server);
    expect(error.headers?.get("retry-after")).toBe(String(DEFAULT_RETRY_AFTER_SECONDS));
    const metadata = (error.error as { metadata: { raw: string; provider_name: string } }).metadata;
    const raw = JSON.parse(metadata.raw);
    expect(raw.error.details[0].retryDelay).toBe(`${DEFAULT_RETRY_AFTER_SECONDS}s`);
    expect(typeof metadata.provider_name).toBe("string");
  });

  it("lets a 429 choose its retry delay, and keeps metadata when given", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 429, retryAfterSeconds: 7 }, { kind: "error", status: 429, metadata: {} });
    const first = await createError(server);
    expect(first.headers?.get("retry-after")).toBe("7");
    expect(JSON.parse((first.error as { metadata: { raw: string } }).metadata.raw).error.details[0].retryDelay).toBe(
      "7s",
    );
    const second = await createError(server);
    expect((second.error as { metadata: object }).metadata).toEqual({});
  });

  it("records the erroring request like any other", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 500 });
    await createError(server);
    expect(server.requests.map((r) => r.path)).toEqual(["/v1/chat/completions"]);
    expect(server.queued).toBe(0);
  });
});
