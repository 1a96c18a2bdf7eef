import { setImmediate as nextTurn } from "node:timers/promises";
import { WorkspaceError } from "./workspace-error.js";

/**
 * Keeps a long tool call cooperative: yields to the event loop after each `sliceMs` of synchronous
 * work (so timers, I/O and aborts get their turn), throws `ABORTED` once the signal fires, and tells
 * when the call's time budget is spent.
 */
export class Pacer {
  private readonly started = performance.now();
  private sliceStart = this.started;

  constructor(
    private readonly tool: string,
    private readonly signal: AbortSignal | undefined,
    private readonly budgetMs: number,
    private readonly sliceMs: number,
  ) {
    this.throwIfAborted();
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw new WorkspaceError("ABORTED", `${this.tool} was aborted`);
  }

  /** True once the time budget is spent. */
  get expired(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  get budget(): number {
    return this.budgetMs;
  }

  /** True once the current slice of synchronous work is used up. */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Call between units of work: yields when the slice is used up, then checks the signal. */
  async step(): Promise<void> {
    if (this.due) {
      await nextTurn();
      this.sliceStart = performance.now();
    }
    this.throwIfAborted();
  }
}
