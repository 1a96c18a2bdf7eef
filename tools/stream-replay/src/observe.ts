import type { ApiHandler } from "@parallel-tool-calls/core-metadata";
import { OpenAICompatibleHandler } from "@parallel-tool-calls/provider-helpers";
import { OpenAiNativeHandler } from "@parallel-tool-calls/provider-openai-native";
import { OpenRouterHandler } from "@parallel-tool-calls/provider-openrouter";
import type { SseEvent, TestServer } from "@parallel-tool-calls/testing";
import { NativeToolCallParser, type ToolCallParserEvent } from "@parallel-tool-calls/tool-parser";
import { handlerKindOf, isResponsesRecording, type Recording } from "./recordings.js";
import type { StreamSummary, UsageSummary } from "./summary.js";

/** Bound on one replay: a recording that never ends (no `[DONE]`, socket kept open) fails, never hangs. */
export const REPLAY_TIMEOUT_MS = 10_000;

/** The recording as the server sends it: each line verbatim as one `data:` event, comments in place. */
export function eventsOf(recording: Recording): SseEvent[] {
  const comments = recording.meta.framing?.comments ?? [];
  const events: SseEvent[] = [];
  // Responses recordings made with `event:` lines get them back (the payload's `type` names it).
  const eventLines = isResponsesRecording(recording) && /^every/i.test(recording.meta.framing?.eventLines ?? "");
  recording.lines.forEach((line, i) => {
    for (const comment of comments) if (comment.before === i) events.push({ comment: comment.text });
    const type = eventLines ? /"type"\s*:\s*"([^"]+)"/.exec(line)?.[1] : undefined;
    events.push({ raw: `${type ? `event: ${type}\n` : ""}data: ${line}\n\n` });
  });
  for (const comment of comments) if (comment.before >= recording.lines.length) events.push({ comment: comment.text });
  return events;
}

function handlerFor(recording: Recording, baseUrl: string): { handler: ApiHandler; label: string } {
  const key = "replay-key";
  const options = { timeoutMs: REPLAY_TIMEOUT_MS, retry: { maxRetries: 0 } };
  if (isResponsesRecording(recording)) {
    const settings = { openAiNativeBaseUrl: baseUrl, openAiNativeApiKey: key, apiModelId: "m" };
    return { handler: new OpenAiNativeHandler(settings, options), label: "OpenAI Responses" };
  }
  if (handlerKindOf(recording.meta) === "openrouter") {
    return {
      handler: new OpenRouterHandler(
        { openRouterBaseUrl: baseUrl, openRouterApiKey: key, openRouterModelId: "m" },
        options,
      ),
      label: "OpenRouter",
    };
  }
  const settings = {
    apiProvider: "openai-compatible" as const,
    openAiBaseUrl: baseUrl,
    openAiApiKey: key,
    openAiModelId: "m",
  };
  return { handler: new OpenAICompatibleHandler(settings, options), label: "OpenAI-compatible" };
}

function addUsage(sum: UsageSummary | undefined, chunk: UsageSummary): UsageSummary {
  const total: UsageSummary = {
    inputTokens: (sum?.inputTokens ?? 0) + chunk.inputTokens,
    outputTokens: (sum?.outputTokens ?? 0) + chunk.outputTokens,
  };
  for (const key of ["reasoningTokens", "cacheReadTokens", "totalCost"] as const) {
    if (sum?.[key] !== undefined || chunk[key] !== undefined) total[key] = (sum?.[key] ?? 0) + (chunk[key] ?? 0);
  }
  return total;
}

export interface Observation {
  summary: StreamSummary;
  handler: string;
  /** `code` of the typed error the stream ended with, if any. */
  errorCode?: string;
}

/** Serves one recording from `server` and reads it through its handler and the tool-call parser. */
export async function observe(recording: Recording, server: TestServer): Promise<Observation> {
  server.enqueue({ kind: "stream", events: eventsOf(recording), done: recording.meta.framing?.done ?? true });
  const { handler, label } = handlerFor(recording, server.baseUrl);
  const parser = new NativeToolCallParser();
  const summary: StreamSummary = { text: "", reasoning: "", calls: [], failed: false };
  const ended: ToolCallParserEvent[] = [];
  const observation: Observation = { summary, handler: label };
  const timeout = AbortSignal.timeout(REPLAY_TIMEOUT_MS);
  try {
    for await (const chunk of handler.createMessage(
      "replay",
      [{ role: "user", content: "replay" }],
      { taskId: "replay" },
      { signal: timeout },
    )) {
      if (chunk.type === "text") summary.text += chunk.text;
      else if (chunk.type === "reasoning") summary.reasoning += chunk.text;
      else if (chunk.type === "tool_call_partial") ended.push(...parser.processRawChunk(chunk));
      else if (chunk.type === "tool_call_complete") ended.push(...parser.processCallComplete(chunk));
      else if (chunk.type === "finish_reason") ended.push(...parser.processFinishReason(chunk.reason));
      else if (chunk.type === "usage") summary.usage = addUsage(summary.usage, chunk);
    }
  } catch (error) {
    summary.failed = true;
    observation.errorCode = String((error as { code?: unknown }).code ?? (error as Error).name);
  }
  // A Responses call never completed by its own done event must not count (it would not run).
  if (!isResponsesRecording(recording) || !summary.failed) ended.push(...parser.finalizeRawChunks());
  for (const event of ended) {
    if (event.type === "tool_call_end")
      summary.calls.push({ name: event.name, arguments: event.input ?? event.arguments });
  }
  return observation;
}
