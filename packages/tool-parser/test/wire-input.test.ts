import { type ApiStreamChunk, ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import {
  NativeToolCallParser,
  type ParsedStreamChunk,
  parseToolCallStream,
  ToolCallArgumentsError,
  ToolCallProtocolError,
} from "../src/index.js";
import { runStream } from "./run-stream.js";

describe("wire-shaped fragments", () => {
  it("accepts `{ index, id, type, function: { name, arguments } }` exactly as on the wire", () => {
    const parser = new NativeToolCallParser();
    const events = [
      ...parser.processRawChunk({
        index: 0,
        id: "call_a",
        type: "function",
        function: { name: "read", arguments: "" },
      }),
      ...parser.processRawChunk({ index: 0, function: { arguments: '{"path":' } }),
      ...parser.processRawChunk({
        index: 1,
        id: "call_b",
        type: "function",
        function: { name: "list", arguments: "{}" },
      }),
      ...parser.processRawChunk({ index: 0, function: { arguments: '"a.ts"}' } }),
      ...parser.finalizeRawChunks(),
    ];
    const ends = events.filter((event) => event.type === "tool_call_end");
    expect(ends.map((end) => [end.id, end.name, end.input])).toEqual([
      ["call_a", "read", { path: "a.ts" }],
      ["call_b", "list", {}],
    ]);
    expect(parser.warnings).toEqual([]);
  });

  it("routes wire-shaped and flattened fragments of one stream to the same calls", () => {
    const parser = new NativeToolCallParser();
    parser.processRawChunk({ index: 0, id: "call_a", function: { name: "read" } });
    parser.processRawChunk({ index: 0, arguments: '{"path":"x"' });
    parser.processRawChunk({ index: 0, function: { arguments: "}" } });
    const [end] = parser.finalizeRawChunks();
    expect(end).toMatchObject({ type: "tool_call_end", id: "call_a", input: { path: "x" } });
  });
});

describe("non-integer indices", () => {
  it('reads the string "0" as index 0 with an immediate warning, so arguments are not misrouted', () => {
    const warnings: ToolCallProtocolError[] = [];
    const parser = new NativeToolCallParser({ onWarning: (warning) => warnings.push(warning) });
    parser.processRawChunk({ index: "0" as unknown as number, id: "call_a", name: "read", arguments: '{"p":' });
    expect(warnings.map((w) => w.code)).toEqual(["invalid_index"]);
    expect(warnings[0]?.message).toContain('"0"');
    const events = [
      ...parser.processRawChunk({ index: "1" as unknown as number, id: "call_b", name: "read", arguments: '{"p":' }),
      // The continuation of call 0 arrives after call 1 started: only its index tells them apart.
      ...parser.processRawChunk({ index: "0" as unknown as number, arguments: '"a"}' }),
      ...parser.processRawChunk({ index: "1" as unknown as number, arguments: '"b"}' }),
      ...parser.finalizeRawChunks(),
    ];
    const ends = events.filter((event) => event.type === "tool_call_end");
    expect(ends.map((end) => [end.id, end.input])).toEqual([
      ["call_a", { p: "a" }],
      ["call_b", { p: "b" }],
    ]);
    expect(warnings).toHaveLength(4);
  });

  it("warns about indices that cannot be read (1.5, NaN, objects) and falls back to ids", () => {
    for (const index of [1.5, Number.NaN, { n: 0 }, "first"]) {
      const { ends, warnings } = runStream([
        { index: index as unknown as number, id: "call_a", name: "read", arguments: "{}" },
      ]);
      expect(ends).toHaveLength(1);
      expect(warnings.map((w) => w.code)).toEqual(["invalid_index"]);
      expect(warnings[0]?.message).toContain("ignored");
    }
  });

  it("takes the full path for a non-integer index even on a started call (no silent fast path)", () => {
    const warnings: ToolCallProtocolError[] = [];
    const parser = new NativeToolCallParser({ onWarning: (warning) => warnings.push(warning) });
    parser.processRawChunk({ index: 0, id: "call_a", name: "read", arguments: "" });
    parser.processRawChunk({ index: 0.5, arguments: "{}" });
    expect(warnings.map((w) => w.code)).toEqual(["invalid_index"]);
  });
});

describe("errors as JSON", () => {
  it("keeps the message, code and call id of a tool_call_end error", () => {
    const { ends } = runStream([{ index: 0, id: "call_a", name: "read", arguments: '{"path":' }]);
    const error = ends[0]?.error;
    expect(error).toBeInstanceOf(ToolCallArgumentsError);
    const json = JSON.parse(JSON.stringify(ends[0])) as { error: Record<string, unknown> };
    expect(json.error).toMatchObject({ name: "ToolCallArgumentsError", code: "invalid_json", callId: "call_a" });
    expect(json.error.message).toBe(error?.message);
    expect(String(json.error.message)).toMatch(/not valid JSON/);
  });

  it("keeps the message of a protocol warning", () => {
    const { warnings } = runStream([{ index: 0, id: "call_a", arguments: "{}" }]);
    const json = JSON.parse(JSON.stringify(warnings[0])) as Record<string, unknown>;
    expect(json).toMatchObject({ code: "unnamed_call", callId: "call_a" });
    expect(json.message).toBe(warnings[0]?.message);
    // The model's data stays on the error, out of logs.
    expect(warnings[0]?.arguments).toBe("{}");
    expect(json).not.toHaveProperty("arguments");
  });

  it("is recognised by isInstance, as a ParallelToolCallsError too", () => {
    const { ends, warnings } = runStream([
      { index: 0, id: "call_a", name: "read", arguments: "[1]" },
      { index: 1, id: "call_b", arguments: "{}" },
    ]);
    expect(ToolCallArgumentsError.isInstance(ends[0]?.error)).toBe(true);
    expect(ToolCallProtocolError.isInstance(ends[0]?.error)).toBe(false);
    expect(ToolCallProtocolError.isInstance(warnings[0])).toBe(true);
    expect(ParallelToolCallsError.isInstance(warnings[0])).toBe(true);
  });
});

async function* chunksOf(chunks: ApiStreamChunk[], failWith?: Error): AsyncGenerator<ApiStreamChunk> {
  for (const chunk of chunks) yield chunk;
  if (failWith) throw failWith;
}

async function collect(stream: AsyncIterable<ParsedStreamChunk>): Promise<ParsedStreamChunk[]> {
  const out: ParsedStreamChunk[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe("parseToolCallStream", () => {
  it("yields every chunk in order with raw fragments replaced by start / delta / end events", async () => {
    const out = await collect(
      parseToolCallStream(
        chunksOf([
          { type: "reasoning", text: "Two files." },
          { type: "text", text: "Reading." },
          { type: "tool_call_partial", index: 0, id: "call_a", name: "read", arguments: '{"path":"a"}' },
          { type: "tool_call_partial", index: 1, id: "call_b", name: "read", arguments: '{"path":' },
          { type: "tool_call_partial", index: 1, arguments: '"b"}' },
          { type: "finish_reason", reason: "tool_calls" },
          { type: "usage", inputTokens: 3, outputTokens: 4 },
        ]),
      ),
    );
    expect(out.map((chunk) => (chunk.type === "tool_call_end" ? `end:${chunk.id}` : chunk.type))).toEqual([
      "reasoning",
      "text",
      "tool_call_start",
      "tool_call_delta",
      "end:call_a",
      "tool_call_start",
      "tool_call_delta",
      "tool_call_delta",
      "end:call_b",
      "finish_reason",
      "usage",
    ]);
    expect(out.some((chunk) => (chunk as { type: string }).type === "tool_call_partial")).toBe(false);
  });

  it("ends calls still open when the stream is over, and exposes warnings through a given parser", async () => {
    const parser = new NativeToolCallParser();
    const out = await collect(
      parseToolCallStream(
        chunksOf([
          { type: "tool_call_partial", index: 0, id: "call_a", name: "read", arguments: "{" },
          { type: "tool_call_partial", index: 0, arguments: "}" },
          { type: "tool_call_partial", index: 1, id: "call_x", arguments: "{}" },
        ]),
        { parser },
      ),
    );
    expect(out.at(-1)).toMatchObject({ type: "tool_call_end", id: "call_a", input: {} });
    expect(parser.warnings.map((w) => w.code)).toEqual(["unnamed_call"]);
  });

  it("passes already-parsed call events through and rethrows a stream error without ending open calls", async () => {
    const seen: ParsedStreamChunk[] = [];
    const failure = new Error("connection reset");
    await expect(async () => {
      for await (const chunk of parseToolCallStream(
        chunksOf(
          [
            { type: "tool_call_start", id: "legacy", name: "read" },
            { type: "tool_call_end", id: "legacy", name: "read", arguments: "{}", input: {} },
            { type: "tool_call_partial", index: 0, id: "call_a", name: "read", arguments: '{"path":' },
          ],
          failure,
        ),
      )) {
        seen.push(chunk);
      }
    }).rejects.toBe(failure);
    expect(seen.map((chunk) => chunk.type)).toEqual([
      "tool_call_start",
      "tool_call_end",
      "tool_call_start",
      "tool_call_delta",
    ]);
  });
});
