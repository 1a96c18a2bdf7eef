import type {
  ApiHandlerCreateMessageMetadata,
  ContentBlockParam,
  MessageParam,
  ReasoningDetail,
  TextBlockParam,
  ToolCallStreamEvent,
  ToolUseBlockParam,
} from "@parallel-tool-calls/core-metadata";
import { SequentialToolExecutor, type ToolResult } from "@parallel-tool-calls/sequential-executor";
import { NativeToolCallParser } from "@parallel-tool-calls/tool-parser";
import type { AgentEvent, CallSummary, TokenUsage, TurnSummary } from "./agent-events.js";
import type { AgentOptions } from "./agent-loop.js";
import { describeError } from "./describe-error.js";

export interface TurnOutcome {
  summary: TurnSummary;
  assistant: ContentBlockParam[];
  toolCalls: ToolUseBlockParam[];
  results: ToolResult[];
  /** Provider data for the whole message (OpenRouter), to be stored on it and sent back. */
  reasoningDetails?: ReasoningDetail[];
  error?: unknown;
}

/** One model request: stream → parser → executor, and what of it goes into the history. */
export async function runTurn(
  options: AgentOptions,
  turn: number,
  history: MessageParam[],
  metadata: ApiHandlerCreateMessageMetadata,
  emit: (event: AgentEvent) => void,
  clock: () => number,
): Promise<TurnOutcome> {
  const parser = new NativeToolCallParser();
  const executor: SequentialToolExecutor = new SequentialToolExecutor({
    registry: options.registry,
    ...(options.signal ? { signal: options.signal } : {}),
    startWhen: options.startWhen ?? "call-ended",
    onEvent: (event) => {
      if (event.type === "started")
        emit({ type: "tool_started", turn, at: clock(), id: event.toolCallId, name: event.name });
      if (event.type !== "finished") return;
      const result = executor.results.find((r) => r.toolCallId === event.toolCallId);
      emit({
        type: "tool_finished",
        turn,
        at: clock(),
        id: event.toolCallId,
        name: event.name,
        status: event.status ?? "ok",
        isError: event.isError ?? false,
        content: result?.content ?? "",
      });
    },
  });

  // The assistant message keeps the stream's order: text up to a call, the call, more text, ...
  const assistant: ContentBlockParam[] = [];
  const toolCalls: ToolUseBlockParam[] = [];
  const placeholders = new Map<string, number>();
  // Provider data the next request must echo: per call (Gemini signatures) and per message.
  const extraContent = new Map<string, Record<string, unknown>>();
  let reasoningDetails: ReasoningDetail[] | undefined;
  let text = "";
  let pendingText = "";
  let pendingReasoning = "";
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const flushText = () => {
    if (pendingReasoning !== "") assistant.push({ type: "reasoning", text: pendingReasoning });
    pendingReasoning = "";
    if (pendingText !== "") assistant.push({ type: "text", text: pendingText } satisfies TextBlockParam);
    pendingText = "";
  };
  const feed = (parsed: ToolCallStreamEvent[]) => {
    for (const event of parsed) {
      if (event.type === "tool_call_start") {
        flushText();
        if (event.extra_content) extraContent.set(event.id, event.extra_content);
        placeholders.set(event.id, assistant.length);
        assistant.push({ type: "tool_use", id: event.id, name: event.name, input: {} });
        emit({ type: "call_streaming", turn, at: clock(), id: event.id, name: event.name });
      } else if (event.type === "tool_call_end") {
        const block: ToolUseBlockParam = { type: "tool_use", id: event.id, name: event.name, input: event.input ?? {} };
        const extra = event.extra_content ?? extraContent.get(event.id);
        if (extra) block.extra_content = extra;
        const at = placeholders.get(event.id);
        if (at === undefined) {
          flushText();
          assistant.push(block);
        } else assistant[at] = block;
        toolCalls.push(block);
        emit({
          type: "call_complete",
          turn,
          at: clock(),
          id: event.id,
          name: event.name,
          ...(event.input ? { input: event.input } : {}),
        });
      }
      executor.handle(event);
    }
  };

  emit({ type: "request", turn, at: clock() });
  const streamStart = clock();
  let streamError: unknown;
  try {
    const stream = options.handler.createMessage(options.systemPrompt, history, metadata, {
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const chunk of stream) {
      switch (chunk.type) {
        case "reasoning":
          // Consecutive reasoning chunks make one block, in stream order before what follows.
          if (pendingText !== "") flushText();
          pendingReasoning += chunk.text;
          break;
        case "reasoning_details":
          reasoningDetails = chunk.details;
          break;
        case "text":
          if (pendingReasoning !== "") flushText();
          text += chunk.text;
          pendingText += chunk.text;
          emit({ type: "text", turn, at: clock(), text: chunk.text });
          break;
        case "tool_call_partial":
          feed(parser.processRawChunk(chunk));
          break;
        case "finish_reason":
          feed(parser.processFinishReason(chunk.reason));
          break;
        case "tool_call_start":
        case "tool_call_delta":
        case "tool_call_end":
          feed([chunk]);
          break;
        case "usage":
          usage.inputTokens += chunk.inputTokens;
          usage.outputTokens += chunk.outputTokens;
          break;
        case "error":
          throw new Error(`${chunk.error}: ${chunk.message}`);
        default:
          break;
      }
    }
    feed(parser.finalizeRawChunks());
    executor.endStream();
  } catch (error) {
    streamError = error;
    executor.failStream(error);
  }
  flushText();
  emit({
    type: "stream_end",
    turn,
    at: clock(),
    ...(streamError === undefined ? {} : { error: describeError(streamError) }),
  });
  const streamMs = clock() - streamStart;
  const results = await executor.done;
  await executor.whenIdle();

  // Calls that never completed in the stream have no tool_use block: drop their placeholders.
  const complete = new Set(toolCalls.map((c) => c.id));
  const saved = assistant.filter((block) => block.type !== "tool_use" || complete.has(block.id));
  const byId = new Map(results.map((r) => [r.toolCallId, r]));
  const calls: CallSummary[] = toolCalls.map((call) => {
    const result = byId.get(call.id);
    return {
      id: call.id,
      name: call.name,
      input: call.input as Record<string, unknown>,
      status: result?.status ?? "interrupted",
      isError: result?.isError ?? true,
      resultChars: result?.content.length ?? 0,
    };
  });
  return {
    summary: {
      turn,
      requests: 1,
      text,
      toolCalls: calls,
      usage,
      streamMs,
      ...(streamError === undefined ? {} : { error: describeError(streamError) }),
    },
    assistant: saved,
    toolCalls,
    results,
    ...(reasoningDetails ? { reasoningDetails } : {}),
    ...(streamError === undefined ? {} : { error: streamError }),
  };
}
