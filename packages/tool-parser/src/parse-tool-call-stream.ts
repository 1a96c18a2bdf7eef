import type {
  ApiStreamChunk,
  ApiStreamToolCallCompleteChunk,
  ApiStreamToolCallPartialChunk,
  ToolCallStreamEvent,
} from "@parallel-tool-calls/core-metadata";
import { NativeToolCallParser } from "./native-tool-call-parser.js";
import type { NativeToolCallParserOptions, ToolCallParserEvent } from "./types.js";

/**
 * Every chunk a handler yields, except raw fragments and completions, which are replaced by the
 * call events.
 */
export type ParsedStreamChunk =
  | Exclude<ApiStreamChunk, ApiStreamToolCallPartialChunk | ApiStreamToolCallCompleteChunk | ToolCallStreamEvent>
  | ToolCallParserEvent;

/** Options of {@link parseToolCallStream}: the parser's own, or a parser to use. */
export interface ParseToolCallStreamOptions extends NativeToolCallParserOptions {
  /**
   * The parser to feed, e.g. to read `parser.warnings` afterwards. Default: a new one built from
   * these options. One parser per stream: it holds the state of one response.
   */
  parser?: NativeToolCallParser;
}

/**
 * Wraps a handler's stream: yields the same chunks in the same order, with each raw
 * `tool_call_partial` replaced by the `tool_call_start` / `tool_call_delta` / `tool_call_end`
 * events it completes, each `tool_call_complete` by the end of its call, a `finish_reason` chunk preceded by the calls it lets end, and the calls
 * still open ended once the stream is over. Already-parsed call events pass through unchanged.
 *
 * If the stream throws, the error propagates as is and calls still open are not ended: their
 * arguments may be cut, so nothing must run them.
 */
export async function* parseToolCallStream(
  stream: AsyncIterable<ApiStreamChunk>,
  options: ParseToolCallStreamOptions = {},
): AsyncGenerator<ParsedStreamChunk, void, undefined> {
  const parser = options.parser ?? new NativeToolCallParser(options);
  for await (const chunk of stream) {
    if (chunk.type === "tool_call_partial") {
      for (const event of parser.processRawChunk(chunk)) yield event;
    } else if (chunk.type === "tool_call_complete") {
      for (const event of parser.processCallComplete(chunk)) yield event;
    } else if (chunk.type === "finish_reason") {
      for (const event of parser.processFinishReason(chunk.reason)) yield event;
      yield chunk;
    } else {
      yield chunk;
    }
  }
  for (const event of parser.finalizeRawChunks()) yield event;
}
