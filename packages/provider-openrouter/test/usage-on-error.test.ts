import { ProviderStreamError } from "@parallel-tool-calls/provider-helpers";
import { chunk, errorChunk } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { KilocodeOpenrouterHandler, OpenRouterHandler } from "../src/index.js";
import { collectUntilError, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();

// Each handler prices the same report its own way: OpenRouter adds the upstream cost to `cost`,
// Kilo Code bills `cost` alone (the upstream's price only for BYOK requests; this one is not).
const handlers = [
  [
    "OpenRouter",
    0.0025,
    (url: string) => new OpenRouterHandler({ openRouterBaseUrl: url, openRouterApiKey: "sk-or-test" }),
  ],
  [
    "KiloCode",
    0.0021,
    (url: string) => new KilocodeOpenrouterHandler({ kilocodeBaseUrl: url, kilocodeToken: "kc-test" }),
  ],
] as const;

describe.each(handlers)("%s: usage and cost of a request that failed mid-stream", (_name, cost, make) => {
  it("yields the usage and cost of the error chunk, then throws a typed error carrying them", async () => {
    // OpenRouter's shape: the in-stream error chunk carries what the failed request cost.
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ provider: "Minimax", reasoning: "Thinking about it" }) },
        {
          data: errorChunk({
            provider: "Minimax",
            code: 400,
            message: "Token limit reached",
            usage: {
              prompt_tokens: 43,
              completion_tokens: 10,
              cost: 0.0021,
              cost_details: { upstream_inference_cost: 0.0004 },
            },
          }),
        },
      ],
    });
    const stream = make(ctx.server.baseUrl).createMessage("s", hello, { taskId: "t", tools: [readFileTool] });
    const { chunks, error } = await collectUntilError(stream);
    expect(error).toBeInstanceOf(ProviderStreamError);
    expect((error as ProviderStreamError).upstreamCode).toBe(400);
    const usage = chunks.filter((c) => c.type === "usage");
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ inputTokens: 43, outputTokens: 10, inferenceProvider: "Minimax" });
    expect(usage[0]?.type === "usage" && usage[0].totalCost).toBeCloseTo(cost, 10);
    expect((error as ProviderStreamError).usage).toEqual(usage[0]);
  });
});
