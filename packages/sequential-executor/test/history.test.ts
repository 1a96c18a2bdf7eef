import { describe, expect, it } from "vitest";
import { type ToolResult, toToolResultBlocks, validateAndFixToolResults } from "../src/index.js";
import { INTERRUPTED_BEFORE_COMPLETION } from "../src/result.js";

const image = { type: "image" as const, source: { type: "url" as const, url: "https://example.test/s.png" } };
const results: ToolResult[] = [
  { toolCallId: "a", name: "read_file", content: "hello", isError: false, status: "ok" },
  { toolCallId: "b", name: "shot", content: "screenshot taken", isError: false, status: "ok", images: [image, image] },
  { toolCallId: "c", name: "boom", content: "Tool [boom] failed: x", isError: true, status: "error" },
];

describe("history helpers", () => {
  it("turns results into tool_result blocks with string content and images after each", () => {
    expect(toToolResultBlocks(results)).toEqual([
      { type: "tool_result", tool_use_id: "a", content: "hello" },
      { type: "tool_result", tool_use_id: "b", content: "screenshot taken" },
      image,
      image,
      { type: "tool_result", tool_use_id: "c", content: "Tool [boom] failed: x", is_error: true },
    ]);
  });

  it("fixes a saved turn: first duplicate wins, orphans dropped, missing ones interrupted, call order", () => {
    const calls = [
      { id: "a", name: "read_file" },
      { id: "b", name: "shot" },
      { id: "c", name: "boom" },
    ];
    const saved = [
      { toolCallId: "c", content: "c first", isError: true },
      { toolCallId: "orphan", content: "nobody asked" },
      { toolCallId: "a", content: "a first" },
      { toolCallId: "a", content: "a again" },
      { toolCallId: "c", content: "c again" },
    ];
    expect(validateAndFixToolResults(calls, saved)).toEqual([
      { toolCallId: "a", name: "read_file", content: "a first", isError: false, status: "ok" },
      { toolCallId: "b", name: "shot", content: INTERRUPTED_BEFORE_COMPLETION, isError: true, status: "interrupted" },
      { toolCallId: "c", name: "boom", content: "c first", isError: true, status: "error" },
    ]);
    expect(INTERRUPTED_BEFORE_COMPLETION).toBe("Tool execution was interrupted before completion.");
  });

  it("leaves a valid turn unchanged", () => {
    const calls = results.map((r) => ({ id: r.toolCallId, name: r.name }));
    expect(validateAndFixToolResults(calls, [...results].reverse())).toEqual(results);
  });
});
