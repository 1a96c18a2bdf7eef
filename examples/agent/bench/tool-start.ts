// (b) How early each tool starts by default (as soon as its call is complete in the stream) compared
// with waiting for the end of the stream, on a paced response with three calls.
import type { StartWhen } from "@parallel-tool-calls/sequential-executor";
import { chunk, type TestServer, toolCallChunks, usageChunk } from "@parallel-tool-calls/testing";
import { runAgent } from "../src/agent-loop.js";
import { SYSTEM_PROMPT } from "../src/demo-task.js";
import { sampleRegistryForBench } from "./registry.js";
import { handlerForLocal, median } from "./shared.js";

const PACING_MS = 10;
const FILES = ["README.md", "src/catalog.ts", "src/loans.ts"];

interface Timing {
  starts: number[];
  streamEnd: number;
  allDone: number;
}

async function once(server: TestServer, startWhen: StartWhen): Promise<Timing> {
  server.enqueue({
    kind: "stream",
    pacingMs: PACING_MS,
    events: [
      ...toolCallChunks(
        FILES.map((path, i) => ({ id: `call_${i}`, name: "read_file", arguments: JSON.stringify({ path }) })),
        { fragmentSize: 6 },
      ),
      { data: chunk({ finish_reason: "tool_calls" }) },
      { data: usageChunk({ prompt_tokens: 10, completion_tokens: 60 }) },
    ],
  });
  const result = await runAgent({
    handler: handlerForLocal(server),
    registry: await sampleRegistryForBench(),
    systemPrompt: SYSTEM_PROMPT,
    task: "Read three files.",
    maxTurns: 1,
    startWhen,
  });
  const request = result.events.find((e) => e.type === "request")?.at ?? 0;
  const since = (at: number | undefined) => (at ?? Number.NaN) - request;
  const starts = result.events.filter((e) => e.type === "tool_started").map((e) => since(e.at));
  const finished = result.events.filter((e) => e.type === "tool_result").map((e) => e.at);
  if (starts.length !== FILES.length) throw new Error(`expected ${FILES.length} tool starts, saw ${starts.length}`);
  return {
    starts,
    streamEnd: since(result.events.find((e) => e.type === "stream_end")?.at),
    allDone: since(Math.max(...finished)),
  };
}

export async function benchToolStart(server: TestServer, rounds = 5): Promise<void> {
  server.reset();
  await once(server, "call_ended");
  const runs: Record<StartWhen, Timing[]> = { call_ended: [], stream_ended: [] };
  for (let i = 0; i < rounds; i++) {
    runs.call_ended.push(await once(server, "call_ended"));
    runs.stream_ended.push(await once(server, "stream_ended"));
  }
  const at = (mode: StartWhen, pick: (t: Timing) => number) => median(runs[mode].map(pick));
  console.log(
    `(b) tool start times, ms after the request, paced response (${PACING_MS} ms per chunk), three read_file calls, median of ${rounds}:`,
  );
  console.log("               default (call ended)   wait for stream end   started earlier by");
  FILES.forEach((file, k) => {
    const early = at("call_ended", (t) => t.starts[k] as number);
    const late = at("stream_ended", (t) => t.starts[k] as number);
    console.log(
      `    call ${k + 1}     ${early.toFixed(1).padStart(8)}              ${late.toFixed(1).padStart(8)}          ${(late - early).toFixed(1).padStart(7)} ms   (${file})`,
    );
  });
  const end = at("call_ended", (t) => t.streamEnd);
  const doneEarly = at("call_ended", (t) => t.allDone);
  const doneLate = at("stream_ended", (t) => t.allDone);
  console.log(
    `    stream ended at ${end.toFixed(1)} ms; all tools done at ${doneEarly.toFixed(1)} ms by default vs ${doneLate.toFixed(1)} ms waiting (ratio ${(doneLate / doneEarly).toFixed(2)}×)`,
  );
}
