import { appendFileSync, existsSync, readFileSync } from "node:fs";

/** One line of the call log: what the server saw, in order, with how many calls were running. */
export interface CallLogEntry {
  event: "start" | "end" | "cancelled";
  tool: string;
  requestId: string | number;
  /** Calls running on this server right after the event. */
  active: number;
  at: number;
}

/** Appends to a JSON-lines file, synchronously, so that a crash right after a line cannot lose it. */
export class CallLog {
  #active = 0;

  constructor(private readonly path: string | undefined) {}

  start(tool: string, requestId: string | number): void {
    this.#active++;
    this.#write({ event: "start", tool, requestId, active: this.#active, at: Date.now() });
  }

  end(tool: string, requestId: string | number): void {
    this.#active--;
    this.#write({ event: "end", tool, requestId, active: this.#active, at: Date.now() });
  }

  cancelled(tool: string, requestId: string | number): void {
    this.#write({ event: "cancelled", tool, requestId, active: this.#active, at: Date.now() });
  }

  #write(entry: CallLogEntry): void {
    if (this.path) appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }
}

/** Reads a call log written by the server (empty when the file does not exist yet). */
export function readCallLog(path: string): CallLogEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as CallLogEntry);
}
