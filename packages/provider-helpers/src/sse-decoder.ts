import { ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";

/** One dispatched server-sent event. */
export interface SseMessage {
  /** The `event:` field, when the server sent one. */
  event?: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

/** Thrown by {@link SseDecoder.push} when one event (or one unfinished line) exceeds the limit. */
export class SseEventTooLargeError extends ParallelToolCallsError<"event_too_large"> {
  /** The limit that was exceeded, in characters. */
  readonly limit: number;

  constructor(options: { limit: number }) {
    super({ code: "event_too_large", message: `an event exceeded ${options.limit} characters` });
    this.limit = options.limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit };
  }
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * A server-sent events decoder whose cost is linear in the input, whatever the size of one event:
 * each character is scanned once, an unfinished line is kept as a list of pieces (never re-joined
 * per chunk), and an event is assembled only when it is dispatched. Enforces a size limit per event.
 */
export class SseDecoder {
  /** Complete lines seen so far (data, comments, blank lines): a sign of life of the stream. */
  lines = 0;
  readonly #maxEventChars: number;
  #pieces: string[] = [];
  #pendingChars = 0;
  #data: string[] = [];
  #dataChars = 0;
  #event: string | undefined;
  // A chunk ended with "\r": a "\n" at the start of the next one belongs to the same line break.
  #skipLeadingLf = false;

  constructor(maxEventChars: number) {
    this.#maxEventChars = maxEventChars;
  }

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): SseMessage[] {
    const messages: SseMessage[] = [];
    let start = 0;
    if (this.#skipLeadingLf && text.startsWith("\n")) start = 1;
    this.#skipLeadingLf = false;
    LINE_BREAK.lastIndex = start;
    for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
      // A "\r" at the very end may be the first half of "\r\n" split across chunks.
      if (match[0] === "\r" && match.index === text.length - 1) this.#skipLeadingLf = true;
      this.#addPiece(text.slice(start, match.index));
      const line = this.#pieces.length === 1 ? (this.#pieces[0] as string) : this.#pieces.join("");
      this.#pieces = [];
      this.#pendingChars = 0;
      this.lines++;
      const message = this.#line(line);
      if (message) messages.push(message);
      start = LINE_BREAK.lastIndex;
    }
    if (start < text.length) this.#addPiece(text.slice(start));
    return messages;
  }

  #addPiece(piece: string): void {
    if (piece === "") return;
    this.#pieces.push(piece);
    this.#pendingChars += piece.length;
    if (this.#pendingChars + this.#dataChars > this.#maxEventChars)
      throw new SseEventTooLargeError({ limit: this.#maxEventChars });
  }

  #line(line: string): SseMessage | undefined {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      this.#data.push(value);
      this.#dataChars += value.length + 1;
    } else if (field === "event") {
      this.#event = value;
    }
    // `id` and `retry` matter for reconnecting EventSource clients only.
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    const data = this.#data.join("\n");
    const event = this.#event;
    this.#data = [];
    this.#dataChars = 0;
    this.#event = undefined;
    if (data === "") return undefined;
    return event === undefined ? { data } : { event, data };
  }
}
