import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compare } from "../src/compare.js";
import { expectedOf } from "../src/expected.js";
import { type ReplayResult, replayFolder } from "../src/replay.js";
import { formatResult, formatSummary } from "../src/report.js";

// Recordings of this project's own making, in the format of captured provider streams.
const FIXTURES = fileURLToPath(new URL("../fixtures/recordings", import.meta.url));

describe("replay of the project's recordings over HTTP", () => {
  let results: ReplayResult[] = [];
  beforeAll(async () => {
    results = await replayFolder(FIXTURES);
  });
  const byName = (name: string): ReplayResult => {
    const result = results.find((r) => r.name === name);
    if (!result) throw new Error(`no recording ${name}`);
    return result;
  };

  it("replays every recording without losing calls, text, reasoning or usage", () => {
    expect(results.length).toBe(7);
    expect(results.filter((r) => !r.complete).map(formatResult)).toEqual([]);
    expect(formatSummary(results)).toBe(
      "replayed 7 recordings: 7 complete, 0 with loss (calls 1/1, text 6/6, reasoning 5/5, usage 7/7, error 2/2)",
    );
  });

  it("typed content parts come out as reasoning and answer text", () => {
    const { actual } = byName("typed-content-parts");
    expect(actual.reasoning).toBe("Seven times six: six sevens are forty-two.");
    expect(actual.text).toBe("7 × 6 = 42");
  });

  it("a leading <think> block split across chunks becomes reasoning", () => {
    const { actual } = byName("think-tags-in-content");
    expect(actual.reasoning).toBe("\nTwo options; the second is safer.\n");
    expect(actual.text).toBe("Use the second option.");
  });

  it("outputTokens includes reasoning whichever way the provider counts it", () => {
    expect(byName("reasoning-on-top-usage").actual.usage).toMatchObject({ outputTokens: 43, reasoningTokens: 40 });
    expect(byName("reasoning-precedence").actual.usage).toMatchObject({ outputTokens: 11, reasoningTokens: 6 });
    expect(byName("reasoning-precedence").actual.reasoning).toBe("Check the sign first.");
  });

  it("an OpenRouter error chunk's usage and cost are counted and the replay fails with a typed error", () => {
    const result = byName("openrouter-error-with-usage");
    expect(result.handler).toBe("OpenRouter");
    expect(result.errorCode).toBe("stream_error");
    expect(result.actual.usage).toEqual({ inputTokens: 120, outputTokens: 14, totalCost: 0.00042 });
  });

  it("three interleaved calls come out complete, in order", () => {
    expect(byName("parallel-tool-calls").actual.calls).toEqual([
      { name: "read_file", arguments: { path: "a.ts" } },
      { name: "read_file", arguments: { path: "b.ts" } },
      { name: "list_dir", arguments: { dir: "src", depth: 2 } },
    ]);
    expect(byName("length-finish")).toMatchObject({ errorCode: "max_tokens", actual: { failed: true } });
  });
});

describe("comparison", () => {
  const lines = [
    JSON.stringify({ choices: [{ delta: { reasoning_content: "why" } }] }),
    JSON.stringify({
      choices: [
        {
          delta: { content: "hi", tool_calls: [{ index: 0, id: "c1", function: { name: "f", arguments: '{"a":1}' } }] },
        },
      ],
    }),
    JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 9 } }),
  ];

  it("computes the recording's values straight from its lines (output = total - prompt)", () => {
    expect(expectedOf(lines, false)).toEqual({
      text: "hi",
      reasoning: "why",
      calls: [{ name: "f", arguments: { a: 1 } }],
      usage: { inputTokens: 5, outputTokens: 4 },
      failed: false,
    });
  });

  it("reports each kind of loss, and the summary counts the recording as lost", () => {
    const expected = expectedOf(lines, false);
    const fields = compare(expected, {
      text: "",
      reasoning: "why",
      calls: [],
      usage: { inputTokens: 5, outputTokens: 2 },
      failed: false,
    });
    expect(fields.text.problem).toBe("text lost (2 chars recorded)");
    expect(fields.calls.problem).toMatch(/calls 0\/1/);
    expect(fields.usage.problem).toBe("outputTokens 2 (recorded 4)");
    expect(fields.reasoning.problem).toBeUndefined();
    const result: ReplayResult = {
      name: "r",
      handler: "OpenAI-compatible",
      expected,
      actual: expected,
      fields,
      complete: false,
    };
    expect(formatResult(result)).toMatch(/^LOSS {2}r /);
    expect(formatSummary([result])).toMatch(
      /0 complete, 1 with loss \(calls 0\/1, text 0\/1, reasoning 1\/1, usage 0\/1/,
    );
  });

  it("a lost usage report and an error that did not happen are problems too", () => {
    const expected = { ...expectedOf(lines, false), failed: true };
    const fields = compare(expected, { ...expectedOf(lines, false) });
    expect(fields.error.problem).toMatch(/the replay did not fail/);
    const { usage: _dropped, ...withoutUsage } = expectedOf(lines, false);
    expect(compare(expectedOf(lines, false), withoutUsage).usage.problem).toBe("usage lost");
  });
});
