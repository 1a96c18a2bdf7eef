import { ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";

/** What a {@link ToolTimeoutError} is made of. */
export interface ToolTimeoutErrorOptions {
  /** Always `tool_timeout`; may be left out. */
  code?: "tool_timeout";
  /** One line, naming the tool. */
  message: string;
  /** Id of the call whose tool ran out of time. */
  toolCallId: string;
  /** The bound that was hit, in milliseconds. */
  timeoutMs: number;
}

/** The reason of `ctx.signal` when a tool ran longer than `toolTimeoutMs`; its call got a `timed_out` result. */
export class ToolTimeoutError extends ParallelToolCallsError<"tool_timeout"> {
  /** Id of the call whose tool ran out of time. */
  readonly toolCallId: string;
  /** The bound that was hit, in milliseconds. */
  readonly timeoutMs: number;

  constructor(options: ToolTimeoutErrorOptions) {
    super({ ...options, code: "tool_timeout" });
    this.toolCallId = options.toolCallId;
    this.timeoutMs = options.timeoutMs;
  }
}

/** The signal one tool runs with, and how to release it once the tool has returned. */
export interface CallSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** A positive, finite bound, or `undefined` for "no bound" (anything else is ignored). */
export function boundMs(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The signal of one tool run: it follows the executor's signal and, with a timeout, also aborts
 * (reason: a {@link ToolTimeoutError}) when the tool has run `timeoutMs`, after `onTimeout` has
 * fixed the call's result. Without a timeout it is the executor's signal itself.
 */
export function callSignal(
  parent: AbortSignal,
  call: { toolCallId: string; name: string },
  timeoutMs: number | undefined,
  onTimeout: (error: ToolTimeoutError) => void,
): CallSignal {
  if (timeoutMs === undefined) return { signal: parent, dispose: () => {} };
  const controller = new AbortController();
  const onParentAbort = () => {
    clearTimeout(timer);
    controller.abort(parent.reason);
  };
  parent.addEventListener("abort", onParentAbort, { once: true });
  const timer = setTimeout(() => {
    const error = new ToolTimeoutError({
      message: `Tool [${call.name}] did not finish within ${timeoutMs} ms (toolTimeoutMs) and was told to stop.`,
      toolCallId: call.toolCallId,
      timeoutMs,
    });
    onTimeout(error);
    controller.abort(error);
  }, timeoutMs);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener("abort", onParentAbort);
    },
  };
}
