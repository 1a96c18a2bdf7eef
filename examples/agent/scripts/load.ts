// Load: thousands of concurrent agent sessions against one local server (127.0.0.1 only), each
// reading several files per turn. Fails (exit 1) on any failed session or any lost, duplicated or
// mismatched tool result, and prints the reason of every failed session. `--compare <ref>` also
// runs the load script of another commit (built in a temporary worktree) and prints both.
import { setMaxListeners } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildApiHandler } from "@parallel-tool-calls/providers";
import { ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { runAgent } from "../src/agent-loop.js";
import { SYSTEM_PROMPT, sampleWorkspaceDir, taskFor } from "../src/demo-task.js";
import { auditHistory } from "../src/history-audit.js";
import { startScriptedServer } from "../src/providers.js";
import { scriptedModel } from "../src/scripted-model.js";
import { Workspace } from "../src/tools/workspace.js";
import { createWorkspaceTools } from "../src/tools/workspace-tools.js";
import { compareWith } from "./load-compare.js";
import { failureReasons, percentile } from "./load-report.js";

const FILES = ["README.md", "src/catalog.ts", "src/loans.ts", "docs/decisions.md", "notes/todo.txt"];
// Bounds of one run: load stays on this machine and ends in bounded time, whatever is asked.
const MAX_SESSIONS = 20_000;
const MAX_TIME_LIMIT_S = 600;
const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "250" },
    "files-per-session": { type: "string", default: "4" },
    "time-limit-s": { type: "string", default: "45" },
    compare: { type: "string" },
  },
});

function bounded(raw: string | undefined, name: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`load: --${name} must be an integer from 1 to ${max}`);
    process.exit(2);
  }
  return value;
}

const sessions = bounded(values.sessions, "sessions", MAX_SESSIONS);
const perSession = Math.min(bounded(values["files-per-session"], "files-per-session", FILES.length), FILES.length);
const timeLimitS = bounded(values["time-limit-s"], "time-limit-s", MAX_TIME_LIMIT_S);

if (values.compare !== undefined) {
  process.exitCode = await compareWith(values.compare, [
    "--sessions",
    String(sessions),
    "--files-per-session",
    String(perSession),
    "--time-limit-s",
    String(timeLimitS),
  ]);
} else {
  process.exitCode = await runLoad();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function runLoad(): Promise<number> {
  const workspace = await Workspace.open(sampleWorkspaceDir());
  const contents = new Map<string, string>();
  for (const file of FILES) contents.set(file, await readFile(join(workspace.root, file), "utf8"));
  const server = await startScriptedServer({ fragmentSize: 4 });
  // One registry for all sessions, as an agent host would keep one: it holds no per-call state.
  const registry = new ToolRegistry(createWorkspaceTools(workspace));
  const deadline = AbortSignal.timeout(timeLimitS * 1000);
  // Every session listens on the one deadline signal; that is by design, not a leak.
  setMaxListeners(0, deadline);
  let retries = 0;
  const retryCodes = new Map<string, number>();

  async function session(i: number) {
    // Each session reads its own rotation of the files, so a result delivered to the wrong call shows.
    const files = Array.from({ length: perSession }, (_, k) => FILES[(i + k) % FILES.length] as string);
    const handler = buildApiHandler({
      apiProvider: "openrouter",
      openRouterBaseUrl: server.baseUrl,
      openRouterApiKey: "load-key",
      openRouterModelId: "scripted/parallel-reader",
    });
    const started = performance.now();
    const result = await runAgent({
      handler,
      registry,
      systemPrompt: SYSTEM_PROMPT,
      task: taskFor(files),
      taskId: `load-${i}`,
      signal: deadline,
      onEvent: (event) => {
        if (event.type !== "retry") return;
        retries++;
        retryCodes.set(event.reason.code, (retryCodes.get(event.reason.code) ?? 0) + 1);
      },
    });
    return { i, result, files, ms: performance.now() - started };
  }

  try {
    // Warm up the SDK, the server and the JIT so that the memory baseline is not start-up noise.
    await Promise.all(Array.from({ length: 10 }, (_, i) => session(i)));
    server.reset();
    const connectionsBefore = server.connections;
    server.setHandler((req) => scriptedModel(req.body, { fragmentSize: 4 }));
    retries = 0;
    retryCodes.clear();
    const before = memory();
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: sessions }, (_, i) => session(i)));
    const seconds = (performance.now() - started) / 1000;
    const after = memory();

    let lost = 0;
    let duplicated = 0;
    let mismatched = 0;
    let toolCalls = 0;
    let maxCallsPerTurn = 0;
    for (const { result, files } of outcomes) {
      const audit = auditHistory(result.history);
      lost += audit.lost;
      duplicated += audit.duplicated;
      toolCalls += audit.calls.length;
      maxCallsPerTurn = Math.max(maxCallsPerTurn, ...result.turns.map((t) => t.toolCalls.length));
      for (const call of audit.calls) {
        const path = (call.input as { path?: string }).path ?? "";
        if (call.result !== contents.get(path) || !files.includes(path)) mismatched++;
      }
      if (audit.calls.length !== files.length) lost += Math.max(0, files.length - audit.calls.length);
    }
    const failures = failureReasons(outcomes);
    const failed = failures.reduce((n, f) => n + f.sessions.length, 0);
    const sent = outcomes.reduce((n, o) => n + o.result.requests, 0);
    // Every request the server saw belongs to a turn, or is a retry of one that failed before its stream.
    const unmatched = server.requests.length - sent;
    const durations = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    console.log(`load: ${sessions} concurrent agent sessions, ${perSession} files each, one local server`);
    console.log(
      `  parallel_tool_calls ${PARALLEL_TOOL_CALLS ? "on" : "off"} · up to ${maxCallsPerTurn} tool calls per turn`,
    );
    console.log(
      `  ${seconds.toFixed(2)} s · ${(sessions / seconds).toFixed(1)} sessions/s · ${server.requests.length} requests over ${server.connections - connectionsBefore} new connections · ${toolCalls} tool calls`,
    );
    console.log(
      `  per session: ${((seconds * 1000) / sessions).toFixed(2)} ms of the run · latency p50 ${percentile(durations, 0.5).toFixed(0)} ms, p95 ${percentile(durations, 0.95).toFixed(0)} ms · ${retries} retries${retries > 0 ? ` (${[...retryCodes].map(([code, n]) => `${code} ${n}`).join(", ")})` : ""}`,
    );
    console.log(
      `  failed sessions ${failed} · lost results ${lost} · duplicated results ${duplicated} · mismatched results ${mismatched} · requests not matched to a turn ${unmatched}`,
    );
    for (const failure of failures) console.log(`  failed: ${failure.reason} (${failure.summary})`);
    console.log(
      `  memory before: rss ${mb(before.rss)}, heap ${mb(before.heapUsed)} · after: rss ${mb(after.rss)}, heap ${mb(after.heapUsed)}${(globalThis as { gc?: unknown }).gc ? "" : " (no --expose-gc: heap figures include garbage)"}`,
    );
    const ok =
      failed === 0 && lost === 0 && duplicated === 0 && mismatched === 0 && unmatched >= 0 && unmatched <= retries;
    console.log(ok ? "load: OK" : "load: FAILED");
    return ok ? 0 : 1;
  } finally {
    await server.close();
  }
}
