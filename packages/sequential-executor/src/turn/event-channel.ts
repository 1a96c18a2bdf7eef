/**
 * Events of one run, kept in order for any number of async iterators, each of which replays from
 * the first event. Nothing is dropped: consuming is optional, and events are held for as long as
 * the run object is referenced.
 */
export class EventChannel<Event> {
  readonly #events: Event[] = [];
  readonly #observer: ((event: Event) => void) | undefined;
  #wake: Array<() => void> = [];
  #closed = false;

  constructor(observer?: (event: Event) => void) {
    this.#observer = observer;
  }

  push(event: Event): void {
    if (this.#closed) return;
    this.#events.push(event);
    if (this.#observer) {
      try {
        this.#observer(event);
      } catch {
        // An observer must not be able to break the run it observes.
      }
    }
    this.#notify();
  }

  close(): void {
    this.#closed = true;
    this.#notify();
  }

  async *iterate(): AsyncGenerator<Event, void, undefined> {
    let next = 0;
    for (;;) {
      if (next < this.#events.length) {
        yield this.#events[next++] as Event;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => this.#wake.push(resolve));
    }
  }

  #notify(): void {
    if (this.#wake.length === 0) return;
    const waiting = this.#wake;
    this.#wake = [];
    for (const resolve of waiting) resolve();
  }
}
