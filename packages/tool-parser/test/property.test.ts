import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pieces, runStream, type WireStep } from "./run-stream.js";

type IndexScheme = "dense0" | "from1" | "distinct" | "all0" | "none";
type IdStyle = "string" | "number" | "none";
type Spelling = "omit" | "null" | "empty" | "same";

const spellingArb = fc.record({
  id: fc.constantFrom<Spelling>("omit", "null", "empty", "same"),
  name: fc.constantFrom<Spelling>("omit", "null", "empty", "same"),
  keepIndex: fc.boolean(),
  emptyBefore: fc.boolean(),
  finishAfter: fc.boolean(),
});

const callArb = fc.record({
  name: fc.constantFrom("read_file", "write_to_file", "search_files", "mcp--srv--tool"),
  args: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
  pretty: fc.boolean(),
  idStyle: fc.constantFrom<IdStyle>("string", "number", "none"),
  lateName: fc.boolean(),
  objectArguments: fc.boolean(),
  sizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
  spellings: fc.array(spellingArb, { minLength: 1, maxLength: 8 }),
});

const scenarioArb = fc.record({
  scheme: fc.constantFrom<IndexScheme>("dense0", "from1", "distinct", "all0", "none"),
  calls: fc.array(callArb, { minLength: 1, maxLength: 6 }),
  distinctIndices: fc.uniqueArray(fc.integer({ min: -1, max: 40 }), { minLength: 6, maxLength: 6 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function spell(spelling: Spelling, same: string | number | undefined): { value?: string | number | null } {
  if (spelling === "omit") return {};
  if (spelling === "null") return { value: null };
  if (spelling === "empty") return { value: "" };
  return same === undefined ? {} : { value: same };
}

/** Builds a legal wire sequence: every call identifiable by a new id or a fresh index. */
function buildSteps(scenario: Scenario) {
  const steps: WireStep[] = [];
  const expected = scenario.calls.map((call, i) => {
    const index =
      scenario.scheme === "dense0"
        ? i
        : scenario.scheme === "from1"
          ? i + 1
          : scenario.scheme === "distinct"
            ? scenario.distinctIndices[i]
            : scenario.scheme === "all0"
              ? 0
              : undefined;
    // Without a distinct index, only an id can tell calls apart.
    const sharedIndex = scenario.scheme === "all0" || scenario.scheme === "none";
    const idStyle: IdStyle = sharedIndex && call.idStyle === "none" ? "string" : call.idStyle;
    const wireId = idStyle === "string" ? `functions.${call.name}:${i}` : idStyle === "number" ? 100 + i : undefined;
    const text = JSON.stringify(call.args, null, call.pretty ? 2 : undefined);
    const withIndex = index === undefined ? {} : { index };
    const withId = wireId === undefined ? {} : { id: wireId };

    if (call.objectArguments && !call.lateName) {
      steps.push({ ...withIndex, ...withId, name: call.name, arguments: call.args });
    } else {
      const parts = pieces(text, call.sizes);
      parts.forEach((part, p) => {
        const s = call.spellings[p % call.spellings.length] ?? call.spellings[0];
        if (s === undefined) return;
        if (p === 0) {
          steps.push({ ...withIndex, ...withId, ...(call.lateName ? {} : { name: call.name }), arguments: part });
          return;
        }
        if (s.emptyBefore) steps.push({ ...withIndex, arguments: "" });
        const id = spell(s.id, wireId);
        const name = p === 1 && call.lateName ? { value: call.name } : spell(s.name, call.name);
        const step: WireStep = { arguments: part };
        if (s.keepIndex || index === undefined || wireId === undefined) Object.assign(step, withIndex);
        if ("value" in id) step.id = id.value as string | number | null;
        if ("value" in name) step.name = name.value as string | null;
        steps.push(step);
        if (s.finishAfter) steps.push({ finish: "tool_calls" });
      });
      if (call.lateName && parts.length === 1) steps.push({ ...withIndex, ...withId, name: call.name });
    }
    return {
      id: wireId === undefined ? undefined : String(wireId),
      name: call.name,
      input: JSON.parse(text) as unknown,
    };
  });
  return { steps, expected };
}

describe("property: re-chunking and legal spellings do not change the ended calls", () => {
  it("produces the same ended calls for any chunking and spelling", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { steps, expected } = buildSteps(scenario);
        const { ends, events, warnings } = runStream(steps);
        expect(warnings).toEqual([]);
        expect(ends.map((e) => ({ name: e.name, input: e.input }))).toEqual(
          expected.map((e) => ({ name: e.name, input: e.input })),
        );
        ends.forEach((end, i) => {
          const wanted = expected[i]?.id;
          if (wanted !== undefined) expect(end.id).toBe(wanted);
          expect(end.error).toBeUndefined();
        });
        expect(new Set(ends.map((e) => e.id)).size).toBe(ends.length);
        // Every start ends exactly once, and the deltas of a call add up to its argument text.
        const starts = events.filter((e) => e.type === "tool_call_start").map((e) => e.id);
        expect(starts).toEqual(ends.map((e) => e.id));
        for (const end of ends) {
          const streamed = events
            .filter((e) => e.type === "tool_call_delta" && e.id === end.id)
            .map((e) => (e.type === "tool_call_delta" ? e.delta : ""))
            .join("");
          expect(JSON.parse(streamed)).toEqual(end.input);
        }
      }),
      { numRuns: 400 },
    );
  });
});
