import {
  type RunToolLoopOptions,
  runToolLoop,
  type ToolLoopEvent,
  type ToolLoopResult,
} from "@parallel-tool-calls/sequential-executor";

export interface AgentOptions extends RunToolLoopOptions {
  /** Clock for event times; event `at` values are milliseconds since the run started. */
  now?: () => number;
}

/** The loop's result plus every event of the run, for the reports and the benchmarks. */
export interface AgentRunResult extends ToolLoopResult {
  events: ToolLoopEvent[];
}

/**
 * The demo's agent: the public `runToolLoop` with times relative to the start of the run and every
 * event kept for the report. Everything else (turns, tools, history) is the library's.
 */
export async function runAgent(options: AgentOptions): Promise<AgentRunResult> {
  const clock = options.now ?? performance.now.bind(performance);
  const startedAt = clock();
  const events: ToolLoopEvent[] = [];
  const loop = runToolLoop({
    taskId: "example-agent",
    mode: "code",
    ...options,
    now: () => Math.round((clock() - startedAt) * 10) / 10,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { ...(await loop.result), events };
}
