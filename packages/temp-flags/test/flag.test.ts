import { describe, expect, it } from "vitest";
import { PARALLEL_TOOL_CALLS } from "../src/index.js";

// The revert drill runs this suite in a copy where the flag is flipped and sets PTC_REVERT_DRILL=1,
// so this one test pins the shipped value and also proves that the drill really flipped it.
const inRevertDrill = process.env.PTC_REVERT_DRILL === "1";

describe("PARALLEL_TOOL_CALLS", () => {
  it("ships as true (and reads false inside the revert drill)", () => {
    expect(PARALLEL_TOOL_CALLS).toBe(!inRevertDrill);
  });
});
