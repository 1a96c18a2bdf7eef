type Timer = ReturnType<typeof setTimeout>;

/**
 * An idle deadline for reading a body: `touch()` pushes it back, `read()` answers "timeout" once it
 * has passed. One timer per stream, re-armed lazily when it fires early, instead of one per read.
 */
export class IdleWatch {
  readonly #ms: number;
  #deadline: number;
  #timer: Timer | undefined;
  #expired = false;
  #onExpire: (() => void) | undefined;

  constructor(ms: number) {
    this.#ms = ms;
    this.#deadline = Date.now() + ms;
    this.#arm(ms);
  }

  /** The stream showed a sign of life. */
  touch(): void {
    this.#deadline = Date.now() + this.#ms;
  }

  /** The next read, or "timeout" if the deadline passes first (the read itself stays pending). */
  read<R>(reader: { read(): Promise<R> }): Promise<R | "timeout"> {
    if (this.#expired) return Promise.resolve("timeout");
    return new Promise<R | "timeout">((resolve, reject) => {
      this.#onExpire = () => resolve("timeout");
      reader.read().then(resolve, reject);
    });
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#onExpire = undefined;
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(() => this.#check(), delay);
  }

  #check(): void {
    const left = this.#deadline - Date.now();
    if (left > 0) {
      this.#arm(left);
      return;
    }
    this.#expired = true;
    this.#onExpire?.();
  }
}
