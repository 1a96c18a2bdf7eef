import { describe, expect, it } from "vitest";
import { ParallelToolCallsError } from "../src/index.js";
import { isRecord } from "../src/internal.js";

class StreamBroke extends ParallelToolCallsError<"broke"> {}
class StreamBrokeHard extends StreamBroke {}
class Unrelated extends ParallelToolCallsError<"other"> {}

describe("ParallelToolCallsError", () => {
  it("takes an options object, keeps code, cause and name, and keeps the message in JSON", () => {
    const cause = new Error("socket hang up");
    const error = new StreamBrokeHard({ code: "broke", message: "the stream broke", cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("StreamBrokeHard");
    expect(error.code).toBe("broke");
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "StreamBrokeHard",
      code: "broke",
      message: "the stream broke",
    });
  });

  it("keeps the subclass's own fields that are set in JSON, never the cause", () => {
    class CallFailed extends ParallelToolCallsError<"failed"> {
      readonly callId: string;
      readonly detail: string | undefined;
      constructor(options: { message: string; callId: string; detail?: string; cause?: unknown }) {
        super({ code: "failed", message: options.message, cause: options.cause });
        this.callId = options.callId;
        this.detail = options.detail;
      }
    }
    const error = new CallFailed({ message: "call 1 failed", callId: "call_1", cause: new Error("inner") });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CallFailed",
      code: "failed",
      message: "call 1 failed",
      callId: "call_1",
    });
    expect(new CallFailed({ message: "m", callId: "c", detail: "d" }).toJSON()).toMatchObject({ detail: "d" });
  });

  it("recognises instances across copies of a class (as with an ESM and a CJS install), by class name", () => {
    const error = new StreamBrokeHard({ code: "broke", message: "x" });
    // A second copy of the classes, as a second load of the package would make them.
    class StreamBrokeCopy extends ParallelToolCallsError<"broke"> {}
    Object.defineProperty(StreamBrokeCopy, "name", { value: "StreamBroke" });
    expect(error instanceof StreamBrokeCopy).toBe(false);
    expect(StreamBrokeCopy.isInstance(error)).toBe(true);
    expect(StreamBroke.isInstance(error)).toBe(true);
    expect(ParallelToolCallsError.isInstance(error)).toBe(true);
    expect(Unrelated.isInstance(error)).toBe(false);
    expect(StreamBrokeHard.isInstance(new StreamBroke({ code: "broke", message: "x" }))).toBe(false);
    for (const value of [null, undefined, "StreamBroke", { name: "StreamBroke" }, new Error("x")]) {
      expect(StreamBroke.isInstance(value)).toBe(false);
    }
  });
});

describe("isRecord", () => {
  it("accepts plain objects only", () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    for (const value of [null, undefined, [], "x", 1, () => {}]) expect(isRecord(value)).toBe(false);
  });
});
