import { describe, expect, it } from "vitest";
import { pieces, runStream, type WireStep } from "./run-stream.js";

// Fragment sequences rebuilt from the provider facts in the shared reference notes.
const readArgs = JSON.stringify({ path: "src/app.ts" });
const writeArgs = JSON.stringify({ path: "a.txt", content: 'line "one"\nline \\two\\' });

describe("provider stream shapes", () => {
  it("OpenAI: header with id, name and empty arguments, then small index-only fragments", () => {
    const steps: WireStep[] = [
      { index: 0, id: "call_AAAAAAAAAAAAAAAAAAAAAAAA", name: "read_file", arguments: "" },
      ...pieces(readArgs, [1, 6, 3, 2]).map((p) => ({ index: 0, arguments: p })),
      { index: 1, id: "call_BBBBBBBBBBBBBBBBBBBBBBBB", name: "write_to_file", arguments: "" },
      ...pieces(writeArgs, [4, 5]).map((p) => ({ index: 1, arguments: p })),
      { finish: "tool_calls" },
    ];
    const { ends, events, warnings } = runStream(steps);
    expect(ends.map((e) => [e.id, e.name, e.input])).toEqual([
      ["call_AAAAAAAAAAAAAAAAAAAAAAAA", "read_file", JSON.parse(readArgs)],
      ["call_BBBBBBBBBBBBBBBBBBBBBBBB", "write_to_file", JSON.parse(writeArgs)],
    ]);
    const deltas = events.filter((e) => e.type === "tool_call_delta" && e.id === "call_AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(deltas.map((e) => (e.type === "tool_call_delta" ? e.delta : "")).join("")).toBe(readArgs);
    expect(warnings).toEqual([]);
  });

  it("Anthropic via OpenRouter: indices from 1, type repeated, two empty interim fragments", () => {
    const steps: WireStep[] = [
      { index: 1, id: "toolu_bdrk_01", name: "read_file", arguments: "" },
      { index: 1, arguments: "" },
      { index: 1, arguments: "" },
      ...pieces(readArgs, [2, 9, 5]).map((p) => ({ index: 1, arguments: p })),
      { index: 2, id: "toolu_bdrk_02", name: "list_files", arguments: "" },
      ...pieces('{"path":"."}', [3]).map((p) => ({ index: 2, arguments: p })),
      { finish: "tool_calls" },
    ];
    const { ends, events } = runStream(steps);
    expect(ends.map((e) => [e.id, e.name, e.input])).toEqual([
      ["toolu_bdrk_01", "read_file", { path: "src/app.ts" }],
      ["toolu_bdrk_02", "list_files", { path: "." }],
    ]);
    expect(events.find((e) => e.type === "tool_call_start")).toMatchObject({ index: 1 });
    // Empty fragments produce no deltas.
    expect(events.some((e) => e.type === "tool_call_delta" && e.delta === "")).toBe(false);
  });

  it("Gemini: two whole calls in one chunk, finish reason on every chunk, more calls after it", () => {
    const signature = { google: { thought_signature: "sig-1" } };
    const steps: WireStep[] = [
      { id: "tool_0_read_file_x", name: "read_file", arguments: readArgs, extra_content: signature },
      { id: "tool_1_read_file_y", name: "read_file", arguments: '{"path":"b.ts"}' },
      { finish: "tool_calls" },
      { id: "tool_2_list_files_z", name: "list_files", arguments: '{"path":"src"}' },
      { finish: "tool_calls" },
    ];
    const { ends, beforeFinalize } = runStream(steps);
    expect(ends.map((e) => [e.id, e.input])).toEqual([
      ["tool_0_read_file_x", { path: "src/app.ts" }],
      ["tool_1_read_file_y", { path: "b.ts" }],
      ["tool_2_list_files_z", { path: "src" }],
    ]);
    expect(ends[0]?.extra_content).toEqual(signature);
    // Whole calls end early: no later fragment can belong to them.
    expect(beforeFinalize.filter((e) => e.type === "tool_call_end")).toHaveLength(3);
  });

  it("Gemini through translators: every parallel call on index 0 with its own id", () => {
    const steps: WireStep[] = [
      { index: 0, id: "a1", name: "read_file", arguments: '{"path":' },
      { index: 0, arguments: '"x.ts"}' },
      { index: 0, id: "b2", name: "read_file", arguments: '{"path":"y.ts"}' },
      { finish: "stop" },
    ];
    const { ends } = runStream(steps);
    expect(ends.map((e) => [e.id, e.arguments])).toEqual([
      ["a1", '{"path":"x.ts"}'],
      ["b2", '{"path":"y.ts"}'],
    ]);
  });

  it("Gemini OpenAI-compat: no index at all, arguments split across index-less fragments", () => {
    const steps: WireStep[] = [
      { id: "g1", name: "read_file", arguments: '{"pa' },
      { arguments: 'th":"a"}' },
      { id: "g2", name: "read_file" },
      { arguments: '{"path":"b"}' },
    ];
    const { ends } = runStream(steps);
    expect(ends.map((e) => [e.id, e.input])).toEqual([
      ["g1", { path: "a" }],
      ["g2", { path: "b" }],
    ]);
  });

  it("Kimi hosts: id:null continuations; and id plus name:'' repeated on every fragment", () => {
    const nullIds: WireStep[] = [
      { index: 0, id: "functions.read_file:0", name: "read_file" },
      ...pieces(readArgs, [1, 3, 2]).map((p) => ({ index: 0, id: null, name: null, arguments: p })),
    ];
    const repeated: WireStep[] = [
      { index: 0, id: "functions.read_file:0", name: "read_file", arguments: "" },
      ...pieces(readArgs, [2, 1, 3]).map((p) => ({ index: 0, id: "functions.read_file:0", name: "", arguments: p })),
    ];
    for (const steps of [nullIds, repeated]) {
      const { ends, events, warnings } = runStream(steps);
      expect(ends).toEqual([
        {
          type: "tool_call_end",
          id: "functions.read_file:0",
          name: "read_file",
          arguments: readArgs,
          input: { path: "src/app.ts" },
        },
      ]);
      expect(events.filter((e) => e.type === "tool_call_start")).toHaveLength(1);
      expect(warnings).toEqual([]);
    }
  });

  it("Ollama: each call whole in one fragment, all on index 0, arguments as objects", () => {
    const steps: WireStep[] = [
      { index: 0, id: "call_o1", name: "read_file", arguments: { path: "a.ts" } },
      { index: 0, id: "call_o2", name: "read_file", arguments: { path: "b.ts" } },
      { finish: "stop" },
    ];
    const { ends } = runStream(steps);
    expect(ends.map((e) => [e.id, e.arguments, e.input])).toEqual([
      ["call_o1", '{"path":"a.ts"}', { path: "a.ts" }],
      ["call_o2", '{"path":"b.ts"}', { path: "b.ts" }],
    ]);
  });

  it("llama.cpp: a no-argument call as one fragment with arguments '', then an object-argument call", () => {
    const steps: WireStep[] = [
      { index: 0, id: "abc", name: "list_modes", arguments: "" },
      { index: 1, id: "def", name: "read_file", arguments: { path: "c.ts", limit: 10 } },
    ];
    const { ends } = runStream(steps);
    expect(ends.map((e) => [e.name, e.arguments, e.input])).toEqual([
      ["list_modes", "{}", {}],
      ["read_file", '{"path":"c.ts","limit":10}', { path: "c.ts", limit: 10 }],
    ]);
  });

  it("vLLM: no ids at all, calls told apart by index; generated ids are unique", () => {
    const steps: WireStep[] = [
      { index: 0, name: "read_file", arguments: "" },
      ...pieces(readArgs, [5]).map((p) => ({ index: 0, arguments: p })),
      { index: 1, name: "read_file", arguments: "" },
      ...pieces('{"path":"z"}', [4]).map((p) => ({ index: 1, arguments: p })),
    ];
    const { ends } = runStream(steps);
    expect(ends.map((e) => e.input)).toEqual([{ path: "src/app.ts" }, { path: "z" }]);
    expect(ends[0]?.id).toMatch(/^gen_/);
    expect(new Set(ends.map((e) => e.id)).size).toBe(2);
  });

  it("GLM: index -1 with object arguments in the finish chunk", () => {
    const steps: WireStep[] = [
      { index: -1, id: "call_glm", name: "search", arguments: { query: "parser", limit: 3 } },
      { finish: "tool_calls" },
      { finish: "tool_calls" },
    ];
    const { ends, events } = runStream(steps);
    expect(events[0]).toEqual({ type: "tool_call_start", id: "call_glm", name: "search", index: -1 });
    expect(ends.map((e) => e.input)).toEqual([{ query: "parser", limit: 3 }]);
  });
});
