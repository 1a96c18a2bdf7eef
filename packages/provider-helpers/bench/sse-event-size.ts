/**
 * One huge SSE event (a whole file as one tool-call fragment, or a hostile server): the openai SDK's
 * own stream reader against `sseChunks`, which `streamChatCompletion` uses. Both read the same
 * bytes, in 64 KiB network-sized chunks, from a real `Response`. Prints times and ratios.
 * Run: pnpm --filter @parallel-tool-calls/provider-helpers bench
 */
import { Stream } from "openai/streaming";
import { sseChunks } from "../src/sse-chunks.js";
import { resolveStreamBounds } from "../src/stream-bounds.js";

const CHUNK_BYTES = 64 * 1024;
const SIZES_MB = [1, 5, 10, 20];
const RUNS = 3;

function eventBytes(megabytes: number): Uint8Array {
  const content = "x".repeat(megabytes * 1_000_000);
  const frame = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
  const end = `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\ndata: [DONE]\n\n`;
  return new TextEncoder().encode(frame + end);
}

/** An ordinary stream: many small tool-call fragments, as providers send them. */
function manySmallEvents(count: number): Uint8Array {
  const frames: string[] = [];
  for (let i = 0; i < count; i++) {
    const delta = { tool_calls: [{ index: 0, function: { arguments: `{"a":${i},"b":"xyzw"}`.slice(0, 12) } }] };
    frames.push(`data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`);
  }
  frames.push(
    `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\ndata: [DONE]\n\n`,
  );
  return new TextEncoder().encode(frames.join(""));
}

function responseOf(bytes: Uint8Array): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
}

const methods: Record<string, (bytes: Uint8Array) => Promise<number>> = {
  "openai SDK Stream": (bytes) => drain(Stream.fromSSEResponse(responseOf(bytes), new AbortController())),
  sseChunks: (bytes) =>
    drain(
      sseChunks({
        response: responseOf(bytes),
        bounds: resolveStreamBounds({ maxEventChars: 64 * 1024 * 1024 }),
        errors: { provider: "bench", secrets: [] },
      }),
    ),
};

async function best(run: () => Promise<number>, expected: number): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const events = await run();
    if (events !== expected) throw new Error(`expected ${expected} events, got ${events}`);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

console.log(`One SSE event of N MB read in ${CHUNK_BYTES / 1024} KiB chunks (best of ${RUNS} runs)`);
console.log(["size", ...Object.keys(methods), "SDK / sseChunks"].join(" | "));
for (const megabytes of SIZES_MB) {
  const bytes = eventBytes(megabytes);
  const times: number[] = [];
  for (const run of Object.values(methods)) times.push(await best(() => run(bytes), 2));
  const [sdk = 0, ours = 1] = times;
  console.log(
    [`${megabytes} MB`, ...times.map((t) => `${t.toFixed(0)} ms`), `${(sdk / ours).toFixed(1)}x`].join(" | "),
  );
}

// The common case must not pay for the bounds: many small events, same two readers.
const SMALL_EVENTS = 20_000;
const small = manySmallEvents(SMALL_EVENTS);
const smallTimes: number[] = [];
for (const run of Object.values(methods)) {
  await best(() => run(small), SMALL_EVENTS + 1); // warm-up
  smallTimes.push(await best(() => run(small), SMALL_EVENTS + 1));
}
const [sdkSmall = 0, oursSmall = 1] = smallTimes;
const smallRow = [`${SMALL_EVENTS} small events`, ...smallTimes.map((t) => `${t.toFixed(0)} ms`)];
console.log([...smallRow, `${(sdkSmall / oursSmall).toFixed(1)}x`].join(" | "));
