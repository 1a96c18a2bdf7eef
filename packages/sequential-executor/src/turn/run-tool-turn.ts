import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { NativeToolCallParser, type ParsedStreamChunk, parseToolCallStream } from "@parallel-tool-calls/tool-parser";
import { SequentialToolExecutor } from "../executor.js";
import { toToolResultBlocks, validateAndFixToolResults } from "../history.js";
import { AssistantMessageBuilder } from "./assistant-message.js";
import { EventChannel } from "./event-channel.js";
import { linkSignal } from "./linked-signal.js";
import { replayableCall } from "./replayable-call.js";
import { toolTurnError } from "./turn-error.js";
import { turnRequest } from "./turn-request.js";
import type {
  CallRef,
  RunToolTurnOptions,
  ToolTurn,
  ToolTurnEvent,
  ToolTurnResult,
  ToolTurnStatus,
} from "./turn-types.js";
import { addUsage, emptyUsage } from "./usage.js";

/**
 * One model request turned into a valid piece of history: the handler's stream goes through the
 * tool-call parser into a {@link SequentialToolExecutor} (tools run one at a time, in stream order,
 * each as soon as its call is complete), and the result holds the assistant message, one result
 * per call and the new history — whatever fails. Iterating the returned object is optional:
 * `await turn.result` alone runs the whole turn.
 */
export function runToolTurn(options: RunToolTurnOptions): ToolTurn {
  const channel = new EventChannel<ToolTurnEvent>(options.onEvent);
  const result = executeTurn(options, (event) => channel.push(event))
    .catch((error: unknown) => unexpectedFailure(options, error))
    .finally(() => channel.close());
  return {
    result,
    [Symbol.asyncIterator]: () => channel.iterate(),
  };
}

type Emit = (event: ToolTurnEvent) => void;

/**
 * The last resort that keeps `result` from rejecting: only bad options (a `history` that is not an
 * array, say) or a bug get here, before any call could have been answered.
 */
function unexpectedFailure(options: RunToolTurnOptions, error: unknown): ToolTurnResult {
  const history = Array.isArray(options.history) ? [...options.history] : [];
  return {
    status: "failed",
    history,
    toolCalls: [],
    results: [],
    text: "",
    reasoning: "",
    usage: emptyUsage(),
    error: toolTurnError("stream_failed", error),
    abandonedTools: [],
    warnings: [],
    requestSent: false,
    durationMs: 0,
  };
}

async function executeTurn(options: RunToolTurnOptions, emit: Emit): Promise<ToolTurnResult> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const link = linkSignal(options.signal);
  const history = [...options.history];
  const request = turnRequest(options);
  const builder = new AssistantMessageBuilder();
  const usage = emptyUsage();
  const content = { text: "", reasoning: "" };
  let finishReason: string | undefined;
  let requestSent = false;
  let streamError: unknown;
  let streamOver = false;

  const executor: SequentialToolExecutor = new SequentialToolExecutor({
    registry: options.registry,
    signal: link.signal,
    startWhen: options.startWhen ?? "call_ended",
    now,
    ...(options.approve ? { approve: options.approve } : {}),
    parallelToolCalls: request.parallelToolCalls,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onEvent: (event) => {
      if (event.type === "started") {
        emit({ type: "tool_started", toolCallId: event.toolCallId, name: event.name, at: event.at });
      } else if (event.type === "finished") {
        const result = executor.resultOf(event.toolCallId);
        if (result)
          emit({ type: "tool_result", toolCallId: result.toolCallId, name: result.name, result, at: event.at });
      }
    },
  });
  const parser = new NativeToolCallParser({
    partialInput: options.callDeltas === true,
    onWarning: (warning) => emit({ type: "warning", warning, at: now() }),
  });

  const onChunk = (chunk: ParsedStreamChunk): void => {
    switch (chunk.type) {
      case "text":
      case "reasoning":
        if (chunk.text === "") return;
        content[chunk.type] += chunk.text;
        builder[chunk.type](chunk.text);
        emit({ type: chunk.type, text: chunk.text, at: now() });
        return;
      case "reasoning_details":
        builder.reasoningDetails(chunk.details);
        return;
      case "provider_block":
        if (typeof chunk.block === "object" && chunk.block !== null) builder.providerBlock(chunk.block);
        return;
      case "tool_call_start":
        builder.callStarted(chunk.id, chunk.name);
        emit({ type: "call_streaming", toolCallId: chunk.id, name: chunk.name, at: now() });
        executor.handle(chunk);
        return;
      case "tool_call_delta":
        if (options.callDeltas === true) {
          const partial = "partialInput" in chunk ? { partialInput: chunk.partialInput } : {};
          emit({ type: "call_delta", toolCallId: chunk.id, delta: chunk.delta, ...partial, at: now() });
        }
        return;
      case "tool_call_end": {
        const { block, end } = replayableCall(chunk);
        if (!builder.callCompleted(block)) return;
        emit({
          type: "call_complete",
          toolCallId: end.id,
          name: end.name,
          ...(end.input !== undefined ? { input: end.input } : {}),
          ...(end.error !== undefined ? { error: end.error } : {}),
          at: now(),
        });
        executor.handle(end);
        return;
      }
      case "finish_reason":
        finishReason = chunk.reason;
        return;
      case "usage": {
        const { type: _type, ...report } = chunk;
        addUsage(usage, report);
        emit({ type: "usage", usage: report, at: now() });
        return;
      }
      case "retry": {
        const { type: _type, ...retry } = chunk;
        emit({ type: "retry", ...retry, at: now() });
        return;
      }
      case "error":
        throw new Error(`${chunk.error}: ${chunk.message}`);
      default:
        return;
    }
  };

  let outcome: "ended" | "failed" | "aborted" = "aborted";
  let stream: AsyncIterator<ParsedStreamChunk> | undefined;
  try {
    if (!link.signal.aborted) {
      requestSent = true;
      emit({ type: "request", at: now() });
      const pump = async (): Promise<void> => {
        const chunks = options.handler.createMessage(options.systemPrompt, history, request.metadata, {
          signal: link.signal,
          ...(options.retry ? { retry: options.retry } : {}),
        });
        stream = parseToolCallStream(chunks, { parser })[Symbol.asyncIterator]();
        for (;;) {
          const next = await stream.next();
          if (next.done || streamOver) return;
          onChunk(next.value);
        }
      };
      // The race keeps an abort prompt even when a handler ignores the signal and never yields again.
      outcome = await Promise.race([
        pump().then(
          () => "ended" as const,
          (error: unknown) => {
            streamError = error;
            return "failed" as const;
          },
        ),
        link.aborted.then(() => "aborted" as const),
      ]);
    }
    streamOver = true;
    if (link.signal.aborted) outcome = "aborted";
  } catch (error) {
    // Only a bug can land here; the turn still ends with every call answered.
    streamOver = true;
    outcome = "failed";
    streamError = error;
  }

  const streamFailure =
    outcome === "aborted"
      ? toolTurnError("aborted", link.signal.reason ?? "aborted before the request")
      : outcome === "failed"
        ? toolTurnError("stream_failed", streamError)
        : undefined;
  if (requestSent) {
    emit({
      type: "stream_end",
      ...(finishReason !== undefined ? { finishReason } : {}),
      ...(streamFailure ? { error: streamFailure } : {}),
      at: now(),
    });
  }
  if (outcome !== "ended") {
    // Closes the response (a chunk we could not take leaves it open). Not awaited: a handler that
    // ignores the signal may never settle its pending `next()`.
    stream?.return?.(undefined).catch(() => {});
  }
  if (outcome === "aborted") {
    executor.abort(link.signal.reason);
  } else if (outcome === "failed") {
    executor.failStream(streamError);
  } else {
    executor.endStream();
  }

  const results = await executor.done;
  // An abort can also come after a clean stream, while tools run.
  const error = streamFailure ?? (link.signal.aborted ? toolTurnError("aborted", link.signal.reason) : undefined);
  const abandonedTools: CallRef[] = [];
  const running = executor.runningCall;
  if (running) {
    abandonedTools.push(running);
    emit({ type: "tool_abandoned", ...running, at: now() });
  }
  link.dispose();

  const assistantMessage = builder.build();
  const toolCalls = builder.toolCalls();
  const newHistory: MessageParam[] = [...history];
  if (assistantMessage) newHistory.push(assistantMessage);
  let toolResultsMessage: MessageParam | undefined;
  if (toolCalls.length > 0) {
    // One result per call of the assistant message, whatever happened, so the next request is valid.
    toolResultsMessage = { role: "user", content: toToolResultBlocks(validateAndFixToolResults(toolCalls, results)) };
    newHistory.push(toolResultsMessage);
  }
  const status: ToolTurnStatus = error
    ? error.code === "aborted"
      ? "aborted"
      : "failed"
    : toolCalls.length > 0
      ? "tool_calls"
      : "completed";
  emit({ type: "turn_end", status, at: now() });
  return {
    status,
    ...(assistantMessage ? { assistantMessage } : {}),
    ...(toolResultsMessage ? { toolResultsMessage } : {}),
    history: newHistory,
    toolCalls,
    results,
    text: content.text,
    reasoning: content.reasoning,
    usage,
    ...(finishReason !== undefined ? { finishReason } : {}),
    ...(error ? { error } : {}),
    abandonedTools,
    warnings: [...parser.warnings],
    requestSent,
    durationMs: now() - startedAt,
  };
}
