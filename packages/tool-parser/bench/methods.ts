import { StreamingToolCallTracker } from "@ai-sdk/provider-utils";
import type { RawToolCallFragment } from "@parallel-tool-calls/core-metadata";
import { partialParse } from "openai/_vendor/partial-json-parser/parser";
import { Allow, parse as partialJsonParse } from "partial-json";
import { NativeToolCallParser, type NativeToolCallParserOptions } from "../src/index.js";

/**
 * The input of one case, built once before any timing: the argument fragments, and the same
 * fragments as the `delta.tool_calls[]` entries a provider SDK hands over. Building those objects
 * is the SDK's work (it parses them out of the SSE line), so no method pays for it in its timing.
 */
export interface BenchInput {
  fragments: readonly string[];
  chunks: readonly RawToolCallFragment[];
}

export function benchInput(fragments: readonly string[]): BenchInput {
  return { fragments, chunks: fragments.map((text) => ({ index: 0, arguments: text })) };
}

/**
 * One way of consuming a streamed call. `feed` takes fragments [from, to); `finish` ends the
 * stream. State lives in the closure so that retained memory can be measured between the two.
 */
export interface Run {
  feed(input: BenchInput, from: number, to: number): void;
  finish(): void;
}

export interface Method {
  label: string;
  /** Cost per fragment grows with the text so far: run on a prefix within a budget, then extrapolate. */
  quadratic: boolean;
  create(): Run;
}

/**
 * Keeps every result observable so the JIT cannot drop the work that produced it. A plain store:
 * the cost must be the same tiny constant for every method (a registry lookup such as `Symbol.for`
 * per call would tax the per-fragment methods only).
 */
const retained: { last: unknown } = { last: undefined };
function sink(value: unknown): void {
  retained.last = value;
}

/** Drops the last result kept by `sink`, so that it does not count in a memory measurement. */
export function releaseSink(): void {
  retained.last = undefined;
}

/** This package's parser, fed the same `delta.tool_calls[]` entries a provider SDK hands over. */
function ourParser(label: string, options: NativeToolCallParserOptions): Method {
  return {
    label,
    quadratic: false,
    create() {
      const parser = new NativeToolCallParser(options);
      sink(parser.processRawChunk({ index: 0, id: "call_1", name: "write_to_file" }));
      return {
        feed({ chunks }, from, to) {
          for (let i = from; i < to; i++) sink(parser.processRawChunk(chunks[i] as RawToolCallFragment));
        },
        finish() {
          sink(parser.finalizeRawChunks());
        },
      };
    },
  };
}

/** What today's agents do: append the fragment, then partial-parse the whole text so far. */
function reparsePerFragment(label: string, parsePartial: (text: string) => unknown): Method {
  return {
    label,
    quadratic: true,
    create() {
      let text = "";
      return {
        feed({ fragments }, from, to) {
          for (let i = from; i < to; i++) {
            text += fragments[i];
            try {
              sink(parsePartial(text));
            } catch {
              // Upstream agents swallow partial-parse failures too.
            }
          }
        },
        finish() {
          sink(JSON.parse(text));
        },
      };
    },
  };
}

export const METHODS: Method[] = [
  {
    label: "limit: concatenate, one JSON.parse",
    quadratic: false,
    create() {
      let text = "";
      return {
        feed({ fragments }, from, to) {
          for (let i = from; i < to; i++) text += fragments[i];
        },
        finish() {
          sink(JSON.parse(text));
        },
      };
    },
  },
  ourParser("this parser", {}),
  ourParser("this parser, partialInput", { partialInput: true }),
  reparsePerFragment("partial-json re-parse per fragment", (text) => partialJsonParse(text, Allow.ALL)),
  reparsePerFragment("openai-node partialParse per fragment", partialParse),
  {
    label: "AI SDK StreamingToolCallTracker",
    quadratic: true,
    create() {
      const tracker = new StreamingToolCallTracker({ enqueue: sink });
      tracker.processDelta({
        index: 0,
        id: "call_1",
        type: "function",
        function: { name: "write_to_file", arguments: "" },
      });
      return {
        feed({ fragments }, from, to) {
          for (let i = from; i < to; i++) tracker.processDelta({ index: 0, function: { arguments: fragments[i] } });
        },
        finish() {
          tracker.flush();
        },
      };
    },
  },
];
