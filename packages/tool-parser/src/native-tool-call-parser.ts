import type {
  ApiStreamToolCallCompleteChunk,
  ApiStreamToolCallEndChunk,
  RawToolCallFragment,
} from "@parallel-tool-calls/core-metadata";
import { randomCallId, UniqueIds } from "./call-ids.js";
import { CallRecord } from "./call-record.js";
import { ToolCallProtocolError } from "./errors.js";
import { finalizeArguments } from "./final-arguments.js";
import { type FragmentFields, readFragment, type ToolCallFragmentInput } from "./fragment-fields.js";
import { startsContainer } from "./json-scanner.js";
import { parsePartialJson } from "./partial-json.js";
import type { NativeToolCallParserOptions, ToolCallDeltaEvent, ToolCallParserEvent } from "./types.js";

/** Partial input is recomputed once the arguments grew by this factor (and at least PARTIAL_MIN_STEP). */
const PARTIAL_GROWTH = 1.5;
const PARTIAL_MIN_STEP = 64;

/**
 * Assembles the streamed `delta.tool_calls[]` fragments of ONE API response into tool calls.
 * Create one instance per request; it holds no global state.
 */
export class NativeToolCallParser {
  /** Every protocol problem seen so far, also passed to `onWarning`. */
  readonly warnings: ToolCallProtocolError[] = [];

  private readonly options: NativeToolCallParserOptions;
  private readonly ids = new UniqueIds();
  private readonly calls: CallRecord[] = [];
  private readonly byWireId = new Map<string, CallRecord>();
  private readonly byIndex = new Map<number, CallRecord>();
  /**
   * The last index written to `byIndex` and its call (no entry while `hotCall` is undefined):
   * streams repeat one index, so the hot path skips the Map lookup.
   */
  private hotIndex = 0;
  private hotCall: CallRecord | undefined = undefined;
  private readonly partialInput: boolean;
  /** Started, not yet ended calls, in start order. */
  private readonly open: CallRecord[] = [];
  private starts = 0;
  private finalized = false;

  constructor(options: NativeToolCallParserOptions = {}) {
    this.options = options;
    this.partialInput = options.partialInput === true;
  }

  /**
   * Applies one entry of `delta.tool_calls[]` — wire-shaped (`function: { name, arguments }`) or
   * flattened, or a whole `tool_call_partial` chunk; `type` is ignored — and returns the events it
   * produces, in order.
   */
  processRawChunk(chunk: ToolCallFragmentInput): ToolCallParserEvent[] {
    // Kept tiny so that it inlines into the caller's loop; everything unusual is out of line.
    const fast = typeof chunk === "object" && chunk !== null ? this.continueStartedCall(chunk) : undefined;
    return fast ?? this.applyFragment(chunk);
  }

  /** The full path: any fragment the fast path does not take, including malformed ones. */
  private applyFragment(chunk: ToolCallFragmentInput): ToolCallParserEvent[] {
    if (typeof chunk !== "object" || chunk === null) {
      this.warn(
        new ToolCallProtocolError({
          code: "invalid_fragment",
          message: `Tool-call fragment is not an object (${typeof chunk})`,
        }),
      );
      return [];
    }
    if (this.finalized) {
      this.warn(
        new ToolCallProtocolError({
          code: "after_finalize",
          message: "Tool-call fragment arrived after finalizeRawChunks()",
          fragment: chunk,
        }),
      );
      return [];
    }
    const fields = readFragment(chunk);
    if (fields.badIndex) this.warnBadIndex(fields.badIndex, chunk);
    if (fields.badArguments) {
      this.warn(
        new ToolCallProtocolError({
          code: "invalid_fragment",
          message: `Tool-call arguments must be a string or an object, got ${typeof (chunk as RawToolCallFragment).arguments}; not applied`,
          fragment: chunk,
        }),
      );
    }
    const call = this.resolve(fields, chunk);
    if (call === undefined) return [];

    const events: ToolCallParserEvent[] = [];
    if (fields.index !== undefined) {
      this.trackIndex(fields.index, call);
      if (call.index === undefined && call.state === "pending") call.index = fields.index;
    }
    if (fields.extraContent !== undefined) call.extraContent = { ...call.extraContent, ...fields.extraContent };
    if (fields.name !== undefined && call.state === "pending") call.name = fields.name;
    if (fields.arguments !== undefined) {
      call.appendArguments(fields.arguments);
      if (call.state === "started") {
        events.push(this.withPartialInput(call, { type: "tool_call_delta", id: call.id, delta: fields.arguments }));
      } else {
        call.buffered.push(fields.arguments);
      }
    }
    if (call.state === "pending" && call.name !== undefined) {
      this.start(call, events);
    } else if (call.state === "started" && this.hasLaterStart(call) && call.isOneCompleteValue()) {
      this.end(call, events);
    }
    return events;
  }

  /**
   * The common case, kept cheap: a plain argument fragment (no id, name or extra content) for a
   * started call found by index or as the latest open call. Anything else takes the full path.
   */
  private continueStartedCall(chunk: ToolCallFragmentInput): ToolCallParserEvent[] | undefined {
    const flat = chunk as RawToolCallFragment;
    const args = flat.arguments;
    if (typeof args !== "string" || this.finalized || chunk.extra_content !== undefined) return undefined;
    const id = chunk.id;
    if (id !== undefined && id !== null && id !== "") return undefined;
    const name = flat.name;
    if (name !== undefined && name !== null && name !== "") return undefined;
    const index = chunk.index;
    let call: CallRecord | undefined;
    if (index === undefined || index === null) call = this.latestOpen();
    else if (index === this.hotIndex) call = this.hotCall;
    else if (Number.isInteger(index)) call = this.byIndex.get(index);
    // A non-integer index is reported on the full path, never silently routed.
    else return undefined;
    if (call === undefined || call.state !== "started") return undefined;
    if (args.length === 0) return [];
    call.appendArguments(args);
    // Always the same three properties in the same order: one object shape for every delta.
    const delta: ToolCallDeltaEvent = { type: "tool_call_delta", id: call.id, delta: args };
    if (this.partialInput) this.attachPartialInput(call, delta);
    const events: ToolCallParserEvent[] = [delta];
    if (call.startOrder < this.starts && call.isOneCompleteValue()) this.end(call, events);
    return events;
  }

  /**
   * The protocol said a call is complete (`tool_call_complete`): ends it at once, whatever its
   * arguments (unparsable ones end with `error`, as at the end of the stream), so its tool can run
   * while the next call streams. The call is found by the wire id its fragments carried, else by
   * their index. An unknown call is reported (code `unknown_call`); a call that already ended, or
   * that never got a name (reported at the end of the stream), is left as it is.
   */
  processCallComplete(complete: Pick<ApiStreamToolCallCompleteChunk, "index" | "toolCallId">): ToolCallParserEvent[] {
    const fields = typeof complete === "object" && complete !== null ? complete : {};
    const wireId = typeof fields.toolCallId === "string" && fields.toolCallId !== "" ? fields.toolCallId : undefined;
    const index = Number.isInteger(fields.index) ? (fields.index as number) : undefined;
    const call =
      (wireId !== undefined ? this.byWireId.get(wireId) : undefined) ??
      (index !== undefined ? this.byIndex.get(index) : undefined);
    if (this.finalized || call === undefined) {
      const which = `${wireId !== undefined ? `id ${JSON.stringify(wireId)}` : "no id"}, ${index !== undefined ? `index ${index}` : "no index"}`;
      this.warn(
        new ToolCallProtocolError({
          code: this.finalized ? "after_finalize" : "unknown_call",
          message: this.finalized
            ? `Tool-call completion (${which}) arrived after finalizeRawChunks()`
            : `Tool-call completion (${which}) matches no call of this response; ignored`,
        }),
      );
      return [];
    }
    if (call.state !== "started") return [];
    const events: ToolCallParserEvent[] = [];
    this.end(call, events);
    return events;
  }

  /**
   * A `finish_reason` seen on the wire. Not the end of the stream: it only lets calls whose
   * arguments are already one complete JSON value end now.
   */
  processFinishReason(reason: string | null | undefined): ToolCallParserEvent[] {
    if (typeof reason !== "string" || reason.length === 0 || this.finalized) return [];
    const events: ToolCallParserEvent[] = [];
    for (const call of [...this.open]) {
      if (call.isOneCompleteValue()) this.end(call, events);
    }
    return events;
  }

  /**
   * End of stream: ends every call still open, in the order they started. Calls that never got a
   * name are reported through `onWarning` (code `unnamed_call`) instead of ending.
   */
  finalizeRawChunks(): ToolCallParserEvent[] {
    if (this.finalized) return [];
    this.finalized = true;
    const events: ToolCallParserEvent[] = [];
    for (const call of [...this.open]) this.end(call, events);
    for (const call of this.calls) {
      if (call.state !== "pending") continue;
      const args = call.args.text();
      this.warn(
        new ToolCallProtocolError({
          code: "unnamed_call",
          message: `Tool call ${call.id} never received a name; it was not ended (${args.length} argument characters)`,
          callId: call.id,
          arguments: args,
        }),
      );
    }
    this.calls.length = 0;
    this.byWireId.clear();
    this.byIndex.clear();
    this.hotIndex = 0;
    this.hotCall = undefined;
    return events;
  }

  /** Finds the call a fragment belongs to, creates one, or reports a fragment for an ended call. */
  private resolve(fields: FragmentFields, chunk: ToolCallFragmentInput): CallRecord | undefined {
    let candidate: CallRecord | undefined;
    if (fields.id !== undefined) {
      candidate = this.byWireId.get(fields.id);
      if (candidate === undefined) return this.create(fields.id);
    } else if (fields.index !== undefined && this.byIndex.has(fields.index)) {
      candidate = this.byIndex.get(fields.index);
    } else if (fields.index === undefined) {
      candidate = this.latestOpen();
    } else if (fields.name === undefined) {
      // Unknown index without a name: some hosts put arbitrary indices on continuations. A fragment
      // opening a new value after a complete call is a new (not yet named) call instead.
      candidate = this.latestOpen();
      const opensNewValue = fields.arguments !== undefined && startsContainer(fields.arguments);
      if (candidate?.state === "ended" || (opensNewValue && candidate?.isOneCompleteValue())) {
        return this.create(undefined);
      }
    }
    if (candidate === undefined || this.startsAnotherCall(candidate, fields)) return this.create(fields.id);
    if (candidate.state !== "ended") return candidate;

    if (fields.arguments !== undefined || fields.extraContent !== undefined) {
      this.warn(
        new ToolCallProtocolError({
          code: "fragment_after_end",
          message: `Fragment for tool call ${candidate.id} arrived after the call ended; not applied`,
          callId: candidate.id,
          fragment: chunk,
        }),
      );
    }
    return undefined;
  }

  /**
   * A named fragment on a named call is a new call when the name differs, or when the call's
   * arguments are already complete and the fragment opens a new value (same tool called twice).
   */
  private startsAnotherCall(call: CallRecord, fields: FragmentFields): boolean {
    if (fields.name === undefined || call.name === undefined) return false;
    if (fields.name !== call.name) return true;
    return (
      fields.arguments !== undefined &&
      startsContainer(fields.arguments) &&
      (call.state === "ended" || call.isOneCompleteValue())
    );
  }

  private latestOpen(): CallRecord | undefined {
    for (let i = this.calls.length - 1; i >= 0; i--) {
      const call = this.calls[i];
      if (call !== undefined && call.state !== "ended") return call;
    }
    return this.calls[this.calls.length - 1];
  }

  private create(wireId: string | undefined): CallRecord {
    const id = this.ids.claim(wireId ?? (this.options.generateId ?? randomCallId)());
    const call = new CallRecord(id, wireId, this.calls.length);
    this.calls.push(call);
    if (wireId !== undefined) this.byWireId.set(wireId, call);
    return call;
  }

  private start(call: CallRecord, events: ToolCallParserEvent[]): void {
    // A call starting makes every earlier complete call final: no later fragment can be theirs.
    for (const earlier of [...this.open]) {
      if (earlier.isOneCompleteValue()) this.end(earlier, events);
    }
    call.state = "started";
    call.startOrder = ++this.starts;
    events.push({
      type: "tool_call_start",
      id: call.id,
      name: call.name ?? "",
      ...(call.index !== undefined ? { index: call.index } : {}),
      ...(call.extraContent !== undefined ? { extra_content: call.extraContent } : {}),
    });
    const buffered = call.buffered;
    call.buffered = [];
    for (let i = 0; i < buffered.length; i++) {
      const delta: ToolCallDeltaEvent = { type: "tool_call_delta", id: call.id, delta: buffered[i] ?? "" };
      events.push(i === buffered.length - 1 ? this.withPartialInput(call, delta) : delta);
    }
    this.open.push(call);
  }

  private hasLaterStart(call: CallRecord): boolean {
    return call.startOrder < this.starts;
  }

  private end(call: CallRecord, events: ToolCallParserEvent[]): void {
    call.state = "ended";
    const position = this.open.indexOf(call);
    if (position >= 0) this.open.splice(position, 1);
    const final = finalizeArguments(call.id, call.args.text(), call.topLevelContainers());
    call.args.release();
    const event: ApiStreamToolCallEndChunk = {
      type: "tool_call_end",
      id: call.id,
      name: call.name ?? "",
      arguments: final.arguments,
    };
    if (final.input !== undefined) event.input = final.input;
    if (final.error !== undefined) event.error = final.error;
    if (call.extraContent !== undefined) event.extra_content = call.extraContent;
    events.push(event);
  }

  private withPartialInput(call: CallRecord, delta: ToolCallDeltaEvent): ToolCallDeltaEvent {
    if (this.partialInput) this.attachPartialInput(call, delta);
    return delta;
  }

  private attachPartialInput(call: CallRecord, delta: ToolCallDeltaEvent): void {
    const length = call.args.length;
    if (length < call.nextPartialAt) return;
    call.nextPartialAt = Math.max(length + PARTIAL_MIN_STEP, Math.ceil(length * PARTIAL_GROWTH));
    const partial = parsePartialJson(call.args.text());
    if (partial !== undefined) delta.partialInput = partial;
  }

  private trackIndex(index: number, call: CallRecord): void {
    this.byIndex.set(index, call);
    this.hotIndex = index;
    this.hotCall = call;
  }

  private warnBadIndex(bad: { value: unknown; coercedTo: number | undefined }, chunk: ToolCallFragmentInput): void {
    const shown = typeof bad.value === "string" ? JSON.stringify(bad.value) : String(bad.value);
    const what =
      bad.coercedTo === undefined ? "ignored (routed by id, else to the latest open call)" : `read as ${bad.coercedTo}`;
    this.warn(
      new ToolCallProtocolError({
        code: "invalid_index",
        message: `Tool-call index ${shown} is not an integer; ${what}`,
        fragment: chunk,
      }),
    );
  }

  private warn(warning: ToolCallProtocolError): void {
    this.warnings.push(warning);
    this.options.onWarning?.(warning);
  }
}
