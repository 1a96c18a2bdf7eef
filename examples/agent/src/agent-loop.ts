import { type ApiHandler, buildCreateMessageMetadata, type MessageParam } from "@parallel-tool-calls/core-metadata";
import {
  type StartWhen,
  type ToolRegistry,
  toToolResultBlocks,
  validateAndFixToolResults,
} from "@parallel-tool-calls/sequential-executor";
import type { AgentEvent, TokenUsage, TurnSummary } from "./agent-events.js";
import { runTurn } from "./run-turn.js";

export interface AgentOptions {
  handler: ApiHandler;
  registry: ToolRegistry;
  systemPrompt: string;
  /** The user's task; appended as the first user message unless `history` continues a conversation. */
  task?: string;
  /** A saved conversation to continue (it is copied, never mutated). */
  history?: MessageParam[];
  taskId?: string;
  mode?: string;
  /** Model requests allowed before the loop stops (default 10). */
  maxTurns?: number;
  /** Default "call-ended": a tool starts as soon as its call is complete in the stream. */
  startWhen?: StartWhen;
  signal?: AbortSignal;
  onEvent?: (event: AgentEvent) => void;
  now?: () => number;
}

export type AgentStatus = "completed" | "max_turns" | "failed" | "aborted";

export interface AgentRunResult {
  status: AgentStatus;
  /** The text of the last model answer. */
  finalText: string;
  /** The whole conversation as saved: valid for the next request whatever went wrong. */
  history: MessageParam[];
  turns: TurnSummary[];
  events: AgentEvent[];
  requests: number;
  toolCalls: number;
  usage: TokenUsage;
  error?: unknown;
}

/**
 * The task loop: metadata → createMessage → parser → sequential executor → history, until the
 * model answers without tools, the turn limit is reached, the stream fails or the run is aborted.
 */
export async function runAgent(options: AgentOptions): Promise<AgentRunResult> {
  const now = options.now ?? performance.now.bind(performance);
  const startedAt = now();
  const events: AgentEvent[] = [];
  const emit = (event: AgentEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };
  const clock = () => Math.round((now() - startedAt) * 10) / 10;
  const history: MessageParam[] = [...(options.history ?? [])];
  if (options.task !== undefined) history.push({ role: "user", content: [{ type: "text", text: options.task }] });
  const metadata = buildCreateMessageMetadata({
    taskId: options.taskId ?? "example-agent",
    mode: options.mode ?? "code",
    tools: options.registry.toOpenAITools(),
  });
  const maxTurns = options.maxTurns ?? 10;
  const turns: TurnSummary[] = [];
  let status: AgentStatus = "max_turns";
  let error: unknown;

  for (let turn = 1; turn <= maxTurns; turn++) {
    if (options.signal?.aborted) {
      status = "aborted";
      error = options.signal.reason;
      break;
    }
    const outcome = await runTurn(options, turn, history, metadata, emit, clock);
    turns.push(outcome.summary);
    if (outcome.assistant.length > 0) {
      const details = outcome.reasoningDetails ? { reasoning_details: outcome.reasoningDetails } : {};
      history.push({ role: "assistant", content: outcome.assistant, ...details });
    }
    if (outcome.toolCalls.length > 0) {
      // One result per call, whatever happened: the next request must pass the server's pairing check.
      const fixed = validateAndFixToolResults(outcome.toolCalls, outcome.results);
      history.push({ role: "user", content: toToolResultBlocks(fixed) });
    }
    emit({ type: "turn_end", turn, at: clock(), summary: outcome.summary });
    if (outcome.error !== undefined || options.signal?.aborted) {
      status = options.signal?.aborted ? "aborted" : "failed";
      error = outcome.error ?? options.signal?.reason;
      break;
    }
    if (outcome.toolCalls.length === 0) {
      status = "completed";
      break;
    }
  }

  const usage = turns.reduce(
    (sum, t) => ({
      inputTokens: sum.inputTokens + t.usage.inputTokens,
      outputTokens: sum.outputTokens + t.usage.outputTokens,
    }),
    { inputTokens: 0, outputTokens: 0 },
  );
  return {
    status,
    finalText: turns.at(-1)?.text ?? "",
    history,
    turns,
    events,
    requests: turns.reduce((n, t) => n + t.requests, 0),
    toolCalls: turns.reduce((n, t) => n + t.toolCalls.length, 0),
    usage,
    ...(error === undefined ? {} : { error }),
  };
}
