import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { EventChannel } from "./event-channel.js";
import type {
  RunToolLoopOptions,
  ToolLoop,
  ToolLoopEvent,
  ToolLoopResult,
  ToolLoopStatus,
  ToolLoopTurnSummary,
} from "./loop-types.js";
import { runToolTurn } from "./run-tool-turn.js";
import { type ToolTurnError, toolTurnError } from "./turn-error.js";
import { defaultTurnMetadata } from "./turn-request.js";
import type { ToolTurnResult } from "./turn-types.js";
import { addUsage, emptyUsage } from "./usage.js";

/** Default limit of requests per loop. */
export const DEFAULT_MAX_TURNS = 10;

/**
 * The agent loop: requests until the model answers without tools, `maxTurns` requests were made,
 * a turn fails or the signal aborts. Each turn is a {@link runToolTurn}; the history grows by its
 * assistant message and results. Iterating is optional: `await loop.result` runs it all.
 */
export function runToolLoop(options: RunToolLoopOptions): ToolLoop {
  const channel = new EventChannel<ToolLoopEvent>(options.onEvent);
  const result = executeLoop(options, (event) => channel.push(event)).finally(() => channel.close());
  return { result, [Symbol.asyncIterator]: () => channel.iterate() };
}

function summarise(turn: number, outcome: ToolTurnResult): ToolLoopTurnSummary {
  const byId = new Map(outcome.results.map((result) => [result.toolCallId, result]));
  return {
    turn,
    status: outcome.status,
    text: outcome.text,
    toolCalls: outcome.toolCalls.map((call) => {
      const result = byId.get(call.id);
      return {
        toolCallId: call.id,
        name: call.name,
        input: call.input,
        status: result?.status ?? "interrupted",
        isError: result?.isError ?? true,
      };
    }),
    usage: outcome.usage,
    ...(outcome.finishReason !== undefined ? { finishReason: outcome.finishReason } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    durationMs: outcome.durationMs,
  };
}

async function executeLoop(options: RunToolLoopOptions, emit: (event: ToolLoopEvent) => void): Promise<ToolLoopResult> {
  let history: MessageParam[] = [...(options.history ?? [])];
  if (options.task !== undefined) history.push({ role: "user", content: [{ type: "text", text: options.task }] });
  // Built once, so every request of the task carries the same task id.
  const metadata = options.metadata ?? defaultTurnMetadata(options);
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const turns: ToolLoopTurnSummary[] = [];
  const usage = emptyUsage();
  let requests = 0;
  let toolCalls = 0;
  let status: ToolLoopStatus = "max_turns";
  let error: ToolTurnError | undefined;
  const { task: _task, maxTurns: _max, onEvent: _onEvent, history: _history, ...turnOptions } = options;

  for (let turn = 1; turn <= maxTurns; turn++) {
    if (options.signal?.aborted) {
      status = "aborted";
      error = toolTurnError("aborted", options.signal.reason);
      break;
    }
    const outcome = await runToolTurn({
      ...turnOptions,
      metadata,
      history,
      onEvent: (event) => emit({ ...event, turn }),
    }).result;
    if (outcome.requestSent) requests++;
    toolCalls += outcome.toolCalls.length;
    addUsage(usage, outcome.usage);
    turns.push(summarise(turn, outcome));
    history = outcome.history;
    if (outcome.status === "tool_calls") continue;
    if (outcome.status === "completed") status = "completed";
    else {
      status = outcome.status;
      error = outcome.error;
    }
    break;
  }

  return {
    status,
    finalText: turns.at(-1)?.text ?? "",
    history,
    turns,
    requests,
    toolCalls,
    usage,
    ...(error ? { error } : {}),
  };
}
