// Vitest helpers shared by every suite that talks to the test server (a separate entry point so
// that the server itself never loads vitest).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, vi } from "vitest";
import { exampleRoutes } from "./example-routes.js";
import { readmeExamples } from "./readme-examples.js";
import { startTestServer } from "./server.js";
import type { TestServer, TestServerOptions } from "./types.js";

/** Starts a fresh server before each test of the calling file and closes it afterwards. */
export function useServer(options?: TestServerOptions): { readonly server: TestServer } {
  const holder: { server?: TestServer } = {};
  beforeEach(async () => {
    holder.server = await startTestServer(options);
  });
  afterEach(async () => {
    await holder.server?.close();
  });
  return {
    get server() {
      if (!holder.server) throw new Error("server not started");
      return holder.server;
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Collects until the iterable throws; returns what arrived and the error (fails if it never throws). */
export async function collectUntilError<T>(iterable: AsyncIterable<T>): Promise<{ chunks: T[]; error: unknown }> {
  const chunks: T[] = [];
  try {
    for await (const item of iterable) chunks.push(item);
  } catch (error) {
    return { chunks, error };
  }
  throw new Error(`stream ended without an error after ${chunks.length} chunks`);
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Runs the first ```ts runnable block of a README with the example model (on every route) behind a local server
 * whose address (and a throwaway key) is put in the environment variables the example reads.
 * Returns the lines the example logged and the server, already closed, with its recorded requests.
 */
export async function runReadmeExample(
  readmeUrl: URL,
  env: (server: TestServer) => Record<string, string>,
): Promise<{ lines: string[]; server: TestServer }> {
  const example = readmeExamples(readFileSync(readmeUrl, "utf8"))[0];
  if (example === undefined) throw new Error(`no runnable example in ${readmeUrl.pathname}`);
  // Next to the README, so that the package resolves its own name and its dependencies.
  const file = new URL(`./.readme-example-${process.pid}.tmp.ts`, readmeUrl);
  const server = await startTestServer();
  server.setHandler(exampleRoutes());
  for (const [name, value] of Object.entries(env(server))) vi.stubEnv(name, value);
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.join(" "));
  });
  writeFileSync(file, example);
  try {
    await import(file.href);
  } finally {
    log.mockRestore();
    vi.unstubAllEnvs();
    rmSync(file, { force: true });
    await server.close();
  }
  return { lines, server };
}
