/**
 * A signal for one turn that follows the caller's, with exactly one listener on the caller's
 * signal, removed by `dispose()`. Handlers (the `openai` SDK among them) attach a listener per
 * request and never remove it; giving them this per-turn signal keeps the caller's clean.
 */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Resolves when the turn's signal aborts; never rejects. */
  readonly aborted: Promise<void>;
  abort(reason?: unknown): void;
  dispose(): void;
}

export function linkSignal(parent: AbortSignal | undefined): LinkedSignal {
  const controller = new AbortController();
  let onParentAbort: (() => void) | undefined;
  if (parent?.aborted) controller.abort(parent.reason);
  else if (parent) {
    onParentAbort = () => controller.abort(parent.reason);
    parent.addEventListener("abort", onParentAbort, { once: true });
  }
  const aborted = new Promise<void>((resolve) => {
    if (controller.signal.aborted) resolve();
    else controller.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  return {
    signal: controller.signal,
    aborted,
    abort: (reason) => controller.abort(reason),
    dispose: () => {
      if (parent && onParentAbort) parent.removeEventListener("abort", onParentAbort);
      onParentAbort = undefined;
    },
  };
}
