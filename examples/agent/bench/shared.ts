import { buildApiHandler } from "@parallel-tool-calls/providers";
import type { TestServer } from "@parallel-tool-calls/testing";

export function handlerForLocal(server: TestServer) {
  return buildApiHandler({
    apiProvider: "openrouter",
    openRouterBaseUrl: server.baseUrl,
    openRouterApiKey: "bench",
    openRouterModelId: "test/model",
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
