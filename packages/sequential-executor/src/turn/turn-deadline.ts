import { boundMs } from "../call-timeout.js";
import type { LinkedSignal } from "./linked-signal.js";
import { type ToolTurnError, toolTurnError } from "./turn-error.js";

/** The whole-turn deadline: aborts the turn's signal with a `deadline_exceeded` error when it passes. */
export interface TurnDeadline {
  /** The turn's error for an abort of its signal: the deadline's own when it fired, else `aborted`. */
  errorOf(reason: unknown): ToolTurnError;
  dispose(): void;
}

/** Starts the deadline of one turn (nothing without a positive `deadlineMs`). */
export function startTurnDeadline(link: LinkedSignal, deadlineMs: unknown): TurnDeadline {
  const ms = boundMs(deadlineMs);
  let fired: ToolTurnError | undefined;
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(() => {
          fired = toolTurnError(
            "deadline_exceeded",
            `Turn did not finish within ${ms} ms (deadlineMs): the request and the running tool were stopped`,
          );
          link.abort(fired);
        }, ms);
  return {
    errorOf: (reason) => (fired && reason === fired ? fired : toolTurnError("aborted", reason)),
    dispose: () => clearTimeout(timer),
  };
}
