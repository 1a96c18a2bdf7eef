import type { ServerResponse } from "node:http";
import type { StreamResponse } from "./types.js";

/** Resolves after `ms`, or at once when `signal` aborts, so a closing server never waits on a timer. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Writes with backpressure; false once the client is gone (then nothing more should be written). */
async function write(res: ServerResponse, text: string, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || res.destroyed) return false;
  if (res.write(text)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    res.once("drain", done);
    signal.addEventListener("abort", done, { once: true });
  });
  return !signal.aborted && !res.destroyed;
}

/** Plays a scripted SSE stream; `signal` aborts when the client disconnects or the server closes. */
export async function playStream(res: ServerResponse, script: StreamResponse, signal: AbortSignal): Promise<void> {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    ...script.headers,
  });
  res.flushHeaders();
  const pacing = script.pacingMs ?? 0;
  for (const [i, event] of script.events.entries()) {
    if (i > 0) await sleep(pacing, signal);
    if (signal.aborted) return;
    if ("cut" in event) {
      res.destroy();
      return;
    }
    if ("delayMs" in event) {
      await sleep(event.delayMs, signal);
      continue;
    }
    if ("stall" in event) {
      // Until the client disconnects or the server closes.
      if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      return;
    }
    if ("drip" in event) {
      for (const [j, char] of [...event.drip].entries()) {
        if (j > 0) await sleep(event.everyMs, signal);
        if (!(await write(res, char, signal))) return;
      }
      continue;
    }
    const text =
      "data" in event
        ? `data: ${JSON.stringify(event.data)}\n\n`
        : "comment" in event
          ? `: ${event.comment}\n\n`
          : event.raw;
    if (!(await write(res, text, signal))) return;
  }
  if (script.done !== false && !(await write(res, "data: [DONE]\n\n", signal))) return;
  if (!signal.aborted) res.end();
}
