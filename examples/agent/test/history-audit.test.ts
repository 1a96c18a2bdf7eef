import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import { auditHistory } from "../src/history-audit.js";

const call = (id: string) => ({ type: "tool_use" as const, id, name: "read_file", input: { path: id } });
const result = (id: string, content = `content of ${id}`) => ({
  type: "tool_result" as const,
  tool_use_id: id,
  content,
});

describe("auditHistory", () => {
  it("pairs each call with the result in the next message", () => {
    const history: MessageParam[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "text", text: "reading" }, call("a"), call("b")] },
      { role: "user", content: [result("b"), result("a")] },
    ];
    const audit = auditHistory(history);
    expect(audit).toMatchObject({ lost: 0, duplicated: 0, orphaned: 0 });
    expect(audit.calls.map((c) => [c.id, c.result, c.results])).toEqual([
      ["a", "content of a", 1],
      ["b", "content of b", 1],
    ]);
  });

  it("counts lost, duplicated and orphaned results", () => {
    const history: MessageParam[] = [
      { role: "assistant", content: [call("a"), call("b"), call("c")] },
      { role: "user", content: [result("a"), result("a", "again"), result("zzz")] },
      { role: "assistant", content: [call("d")] },
    ];
    const audit = auditHistory(history);
    expect(audit).toMatchObject({ lost: 3, duplicated: 1, orphaned: 1 });
    expect(audit.calls.find((c) => c.id === "a")?.result).toBe("content of a");
  });
});
