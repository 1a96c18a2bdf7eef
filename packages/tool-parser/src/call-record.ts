import { ArgumentBuffer } from "./argument-buffer.js";
import { JsonCompletenessScanner } from "./json-scanner.js";

export type CallState = "pending" | "started" | "ended";

/** Everything the parser knows about one logical tool call. */
export class CallRecord {
  state: CallState = "pending";
  name: string | undefined;
  index: number | undefined;
  extraContent: Record<string, unknown> | undefined;
  readonly args = new ArgumentBuffer(new JsonCompletenessScanner());
  /** Fragments received before the name; flushed as deltas right after the start event. */
  buffered: string[] = [];
  /** Argument length at which partial input is computed next. */
  nextPartialAt = 0;
  /** Position among started calls (1-based); 0 until started. */
  startOrder = 0;

  constructor(
    /** The id reported in events, unique within the response. */
    readonly id: string,
    /** The id as sent on the wire, used to correlate later fragments. */
    readonly wireId: string | undefined,
    /** Creation order, used to find the latest open call. */
    readonly sequence: number,
  ) {}

  appendArguments(text: string): void {
    this.args.append(text);
  }

  /** The arguments so far are exactly one complete JSON object or array. */
  isOneCompleteValue(): boolean {
    return this.args.scanned().isOneCompleteValue;
  }

  /** Top-level objects or arrays closed so far in the arguments. */
  topLevelContainers(): number {
    return this.args.scanned().topLevelContainers;
  }
}
