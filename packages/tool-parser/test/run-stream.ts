import type { ApiStreamToolCallEndChunk, RawToolCallFragment } from "@parallel-tool-calls/core-metadata";
import { NativeToolCallParser, type ToolCallParserEvent, type ToolCallProtocolError } from "../src/index.js";
import type { NativeToolCallParserOptions } from "../src/types.js";

/** One wire step: a tool-call fragment, or a finish reason seen on a chunk. */
export type WireStep = RawToolCallFragment | { finish: string };

export interface StreamResult {
  events: ToolCallParserEvent[];
  ends: ApiStreamToolCallEndChunk[];
  warnings: ToolCallProtocolError[];
  /** Events produced before finalizeRawChunks(). */
  beforeFinalize: ToolCallParserEvent[];
}

let counter = 0;

/** Feeds steps to a fresh parser the way a provider loop does, then finalizes. */
export function runStream(steps: readonly WireStep[], options: NativeToolCallParserOptions = {}): StreamResult {
  const warnings: ToolCallProtocolError[] = [];
  const parser = new NativeToolCallParser({
    generateId: () => `gen_${++counter}`,
    ...options,
    onWarning: (warning) => warnings.push(warning),
  });
  const events: ToolCallParserEvent[] = [];
  for (const step of steps) {
    if ("finish" in step) events.push(...parser.processFinishReason(step.finish));
    else events.push(...parser.processRawChunk(step));
  }
  const beforeFinalize = [...events];
  events.push(...parser.finalizeRawChunks());
  const ends = events.filter((event): event is ApiStreamToolCallEndChunk => event.type === "tool_call_end");
  return { events, ends, warnings, beforeFinalize };
}

/** Splits a string into pieces of the given sizes (cycled). */
export function pieces(text: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}
