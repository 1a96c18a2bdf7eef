import type { ScriptedResponse } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_FILES, DEMO_TASK } from "../src/demo-task.js";
import { scriptedModel } from "../src/scripted-model.js";

const TOOLS = [{ type: "function", function: { name: "read_file", parameters: { type: "object" } } }];

interface Played {
  text: string;
  calls: Array<{ id: string; name: string; arguments: string }>;
  finishReason?: string;
  promptTokens?: number;
  toolCallEvents: number;
}

// Reassembles what an OpenAI client would see from the scripted events.
function play(response: ScriptedResponse): Played {
  if (response.kind !== "stream") throw new Error(`expected a stream, got ${response.kind}`);
  const played: Played = { text: "", calls: [], toolCallEvents: 0 };
  const byIndex = new Map<number, { id: string; name: string; arguments: string }>();
  for (const event of response.events) {
    if (!("data" in event)) continue;
    // biome-ignore lint/suspicious/noExplicitAny: wire chunks are inspected loosely here.
    const data = event.data as any;
    if (data.usage) played.promptTokens = data.usage.prompt_tokens;
    const choice = data.choices[0];
    if (!choice) continue;
    if (choice.finish_reason) played.finishReason = choice.finish_reason;
    played.text += choice.delta.content ?? "";
    for (const part of choice.delta.tool_calls ?? []) {
      played.toolCallEvents++;
      const call = byIndex.get(part.index) ?? { id: "", name: "", arguments: "" };
      if (part.id) call.id = part.id;
      if (part.function?.name) call.name = part.function.name;
      call.arguments += part.function?.arguments ?? "";
      byIndex.set(part.index, call);
    }
  }
  played.calls = [...byIndex.values()];
  return played;
}

function requestBody(messages: unknown[], parallel?: boolean) {
  return {
    model: "scripted",
    messages: [{ role: "system", content: "sys" }, { role: "user", content: DEMO_TASK }, ...messages],
    tools: TOOLS,
    ...(parallel === undefined ? {} : { parallel_tool_calls: parallel }),
  };
}

const CONTENT: Record<string, string> = {
  "README.md": "# Bookshelf\n\n- one\n- two\n",
  "src/catalog.ts": "export class Catalog {}\nexport interface Book {}\n",
  "src/loans.ts": "export const LOAN_DAYS = 21;\nexport function lend() {}\n",
  "docs/decisions.md": "# Decisions\n1. one\n2. two\n3. three\n",
};

function answered(paths: readonly string[]) {
  return paths.flatMap((path, i) => [
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: `c${i}`, type: "function", function: { name: "read_file", arguments: JSON.stringify({ path }) } },
      ],
    },
    { role: "tool", tool_call_id: `c${i}`, content: CONTENT[path] ?? "" },
  ]);
}

describe("scripted model", () => {
  it("emits all four reads in one turn, in small fragments, when parallel tool calls are allowed", () => {
    const played = play(scriptedModel(requestBody([], true)));
    expect(played.calls.map((c) => JSON.parse(c.arguments).path)).toEqual(DEMO_FILES);
    expect(played.calls.every((c) => c.name === "read_file")).toBe(true);
    expect(new Set(played.calls.map((c) => c.id)).size).toBe(4);
    expect(played.toolCallEvents).toBeGreaterThan(4 * 3);
    expect(played.finishReason).toBe("tool_calls");
  });

  it.each([
    ["false", false],
    ["absent", undefined],
  ])("emits one read per turn when parallel_tool_calls is %s", (_label, parallel) => {
    const first = play(scriptedModel(requestBody([], parallel)));
    expect(first.calls.map((c) => JSON.parse(c.arguments).path)).toEqual([DEMO_FILES[0]]);
    const second = play(scriptedModel(requestBody(answered(DEMO_FILES.slice(0, 1)), parallel)));
    expect(second.calls.map((c) => JSON.parse(c.arguments).path)).toEqual([DEMO_FILES[1]]);
  });

  it("answers with a summary built from the tool results once every file was read", () => {
    const played = play(scriptedModel(requestBody(answered(DEMO_FILES), true)));
    expect(played.calls).toEqual([]);
    expect(played.finishReason).toBe("stop");
    expect(played.text).toContain('README.md: "Bookshelf", 3 lines, 2 list items');
    expect(played.text).toContain("src/loans.ts: 2 lines of code exporting LOAN_DAYS, lend");
    expect(played.text).toContain('docs/decisions.md: "Decisions", 4 lines, 3 list items');
  });

  it("says so when a read came back as an error", () => {
    const messages = answered(DEMO_FILES);
    messages[1] = { role: "tool", tool_call_id: "c0", content: "Tool [read_file] failed: no such file" };
    expect(play(scriptedModel(requestBody(messages, true))).text).toContain(
      "README.md: could not be read (Tool [read_file] failed: no such file)",
    );
  });

  it("counts more prompt tokens as the conversation grows", () => {
    const sizes = [0, 1, 2, 3, 4].map(
      (n) => play(scriptedModel(requestBody(answered(DEMO_FILES.slice(0, n))))).promptTokens ?? 0,
    );
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] as number);
  });

  it("is pure and reads exactly the files not yet answered, whatever was answered before", () => {
    fc.assert(
      fc.property(fc.subarray([...DEMO_FILES]), fc.boolean(), (done, parallel) => {
        const body = requestBody(answered(done), parallel);
        const response = scriptedModel(body);
        expect(scriptedModel(structuredClone(body))).toEqual(response);
        const missing = DEMO_FILES.filter((f) => !done.includes(f));
        const paths = play(response).calls.map((c) => JSON.parse(c.arguments).path);
        expect(paths).toEqual(parallel ? missing : missing.slice(0, 1));
      }),
    );
  });
});
