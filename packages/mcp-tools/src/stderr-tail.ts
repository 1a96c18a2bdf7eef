import type { Stream } from "node:stream";
import { redact } from "@parallel-tool-calls/core-metadata";

/** The last bytes a server wrote to stderr, kept to explain why it failed. */
export class StderrTail {
  #text = "";

  constructor(
    private readonly maxBytes: number,
    private readonly secrets: readonly string[],
  ) {}

  /** Reads `stream` until it ends (reading also keeps a chatty server from blocking on a full pipe). */
  follow(stream: Stream | null): void {
    stream?.on("data", (chunk: Buffer | string) => {
      this.#text += chunk.toString();
      // Characters approximate bytes here: this only bounds memory, the message is cut again below.
      if (this.#text.length > this.maxBytes) this.#text = this.#text.slice(-this.maxBytes);
    });
    stream?.on("error", () => {
      // The process is gone; what was read is kept.
    });
  }

  /** ` (stderr: "…")` with the last non-empty line, redacted and at most 200 characters; "" when silent. */
  describe(): string {
    const lines = this.#text.split("\n").filter((line) => line.trim() !== "");
    const last = lines.at(-1)?.trim();
    if (!last) return "";
    const line = redact(last, this.secrets);
    return ` (stderr: ${JSON.stringify(line.length > 200 ? `${line.slice(0, 199)}…` : line)})`;
  }
}
