import {
  type ApiStreamToolCallEndChunk,
  conciseMessage,
  type ToolCallStreamEvent,
} from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { boundMs, callSignal } from "./call-timeout.js";
import { ExecutorStateError } from "./errors.js";
import { resultText } from "./messages.js";
import type { AnyTool, ToolRegistry } from "./registry.js";
import { errorResult, type ToolResult } from "./result.js";
import type { TimelineEvent, ToolProgress } from "./timeline.js";
import type { ToolContext, ToolOutput } from "./tool.js";
import { inputOf } from "./tool-input.js";
import { resultFromOutput, resultFromThrow } from "./tool-output.js";

/** A complete, valid call, as shown to the `approve` hook. */
export interface ToolCall {
  /** The tool call id. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The parsed arguments, valid against the tool's schema. */
  input: Record<string, unknown>;
  /** The argument string as streamed. */
  arguments: string;
}

/** When a complete call may start: as soon as it ended in the stream, or only once the stream ended. */
export type StartWhen = "call_ended" | "stream_ended";

/** Options of a {@link SequentialToolExecutor}; only `registry` is required. */
export interface SequentialToolExecutorOptions {
  /** The tools the calls may use. */
  registry: ToolRegistry;
  /** Asked before each valid call runs, in order; anything but `true` denies it and skips the rest of the turn. */
  approve?: (call: ToolCall) => boolean | Promise<boolean>;
  /** Aborting it is the same as calling `abort()`. */
  signal?: AbortSignal;
  /** Default `"call_ended"`: a tool starts as soon as its call is complete in the stream. */
  startWhen?: StartWhen;
  /** Several calls per turn; when off, only the first call runs. Default: `PARALLEL_TOOL_CALLS`. */
  parallelToolCalls?: boolean;
  /** Timeline observer. Errors it throws are ignored so that they cannot cost a call its result. */
  onEvent?: (event: TimelineEvent) => void;
  /** Receives `ctx.reportProgress` messages. Errors it throws are ignored. */
  onProgress?: (progress: ToolProgress) => void;
  /** Clock for the timeline (and a turn's event times); default `Date.now`. */
  now?: () => number;
  /**
   * Longest run of one tool, in milliseconds (default: none). When it passes, the call gets a
   * `timed_out` error result at once and the tool's `ctx.signal` aborts with a `ToolTimeoutError`;
   * the next call starts once the tool has returned, so tools never overlap.
   */
  toolTimeoutMs?: number;
}

interface CallRecord {
  id: string;
  name: string;
  end?: ApiStreamToolCallEndChunk;
  result?: ToolResult;
  executing: boolean;
  /** Stops the tool's timeout once it has returned. */
  release?: () => void;
}

function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === "function";
  } catch {
    // A throwing `then` getter or a revoked proxy: not awaitable, read as a plain (invalid) value.
    return false;
  }
}

/**
 * Runs the tool calls of one assistant turn strictly one at a time, in the order they started in
 * the stream, and gives every call exactly one result.
 *
 * Stream failure rule: the tool already running when `failStream` is called finishes and keeps its
 * result; nothing starts afterwards. Abort rule: every unfinished call is answered "interrupted"
 * at once and `done` settles without waiting for the running tool (it sees `ctx.signal`); use
 * `whenIdle()` to wait until it has actually returned.
 */
export class SequentialToolExecutor {
  /** Settles (never rejects) once the stream is over — or the executor aborted — and every call has its result. */
  readonly done: Promise<ToolResult[]>;

  readonly #registry: ToolRegistry;
  readonly #approve: SequentialToolExecutorOptions["approve"];
  readonly #startWhen: StartWhen;
  readonly #parallel: boolean;
  readonly #onEvent: SequentialToolExecutorOptions["onEvent"];
  readonly #onProgress: SequentialToolExecutorOptions["onProgress"];
  readonly #now: () => number;
  readonly #toolTimeoutMs: number | undefined;
  readonly #controller = new AbortController();
  readonly #calls = new Map<string, CallRecord>();
  readonly #order: CallRecord[] = [];
  readonly #timeline: TimelineEvent[] = [];
  #resolveDone: (results: ToolResult[]) => void = () => {};
  #detachSignal: (() => void) | undefined;
  #cursor = 0;
  #stream: "open" | "ended" | "failed" = "open";
  #aborted = false;
  #rejected = false;
  #toolRan = false;
  #draining = false;
  #settled = false;
  #executing: Promise<void> | undefined;

  constructor(options: SequentialToolExecutorOptions) {
    this.#registry = options.registry;
    this.#approve = options.approve;
    this.#startWhen = options.startWhen ?? "call_ended";
    this.#parallel = options.parallelToolCalls ?? PARALLEL_TOOL_CALLS;
    this.#onEvent = options.onEvent;
    this.#onProgress = options.onProgress;
    this.#now = options.now ?? Date.now;
    this.#toolTimeoutMs = boundMs(options.toolTimeoutMs);
    this.done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });
    const signal = options.signal;
    if (signal?.aborted) this.abort(signal.reason);
    else if (signal) {
      const onAbort = () => this.abort(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      this.#detachSignal = () => signal.removeEventListener("abort", onAbort);
    }
  }

  /** Results fixed so far, in call order. */
  get results(): ToolResult[] {
    const results: ToolResult[] = [];
    for (const call of this.#order) if (call.result) results.push(call.result);
    return results;
  }

  /** The result of one call, once fixed (constant time, unlike scanning `results`). */
  resultOf(toolCallId: string): ToolResult | undefined {
    return this.#calls.get(toolCallId)?.result;
  }

  /**
   * The call whose tool is executing right now, if any. After an abort this is a tool that has not
   * returned yet (it ignored `ctx.signal`): its result is already "interrupted".
   */
  get runningCall(): { toolCallId: string; name: string } | undefined {
    // The walk awaits a running tool before it moves on, so only the call at the cursor can be executing.
    const call = this.#order[this.#cursor];
    return call?.executing ? { toolCallId: call.id, name: call.name } : undefined;
  }

  /** Every timeline event so far, in order. */
  get timeline(): readonly TimelineEvent[] {
    return [...this.#timeline];
  }

  /** The executor's signal, as seen by every tool through `ctx.signal`. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Feeds one tool-call event of the stream. `tool_call_start` fixes the call's place in the order
   * (otherwise its `tool_call_end` does); deltas are ignored; a repeated start or end for an id is
   * ignored. Events after an abort are ignored; events after `endStream`/`failStream` throw.
   */
  handle(event: ToolCallStreamEvent): void {
    if (typeof event !== "object" || event === null || typeof event.id !== "string") {
      throw new ExecutorStateError({ code: "invalid_event", message: "A tool-call event needs a string id." });
    }
    if (event.type === "tool_call_delta") return;
    if (event.type !== "tool_call_start" && event.type !== "tool_call_end") {
      throw new ExecutorStateError({
        code: "invalid_event",
        message: `Unexpected event type ${JSON.stringify((event as { type?: unknown }).type)}.`,
      });
    }
    if (this.#aborted) return;
    if (this.#stream !== "open") {
      throw new ExecutorStateError({
        code: "stream_closed",
        message: `Tool call ${event.id} arrived after the stream was closed.`,
      });
    }
    const known = this.#calls.get(event.id);
    if (event.type === "tool_call_start") {
      if (!known) this.#register(event.id, event.name);
      return;
    }
    const call = known ?? this.#register(event.id, event.name);
    if (call.end) return;
    call.end = event;
    if (typeof event.name === "string" && event.name !== "") call.name = event.name;
    this.#drain();
  }

  /** The stream finished normally: calls that never ended get an "invalid" result. */
  endStream(): void {
    if (this.#aborted || this.#stream !== "open") return;
    this.#stream = "ended";
    this.#drain();
  }

  /** The stream failed: the running tool may finish, nothing else starts, the rest get "stream_failed". */
  failStream(error: unknown): void {
    if (this.#aborted || this.#stream !== "open") return;
    this.#stream = "failed";
    const reason = conciseMessage(error);
    for (const call of this.#order) {
      if (!call.result && !call.executing) {
        this.#settle(
          call,
          errorResult(call.id, call.name, "stream_failed", resultText.streamFailed(call.name, reason)),
        );
      }
    }
    this.#drain();
  }

  /** Stops everything: the running tool sees the signal, every unfinished call is "interrupted". */
  abort(reason?: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#controller.abort(reason);
    for (const call of this.#order) {
      if (call.result) continue;
      const text = call.executing ? resultText.interruptedRunning(call.name) : resultText.interruptedPending(call.name);
      this.#settle(call, errorResult(call.id, call.name, "interrupted", text));
    }
    this.#finish();
  }

  /** Resolves after `done` once no tool is executing any more (after an abort, a tool may still be winding down). */
  async whenIdle(): Promise<void> {
    await this.done;
    while (this.#executing) await this.#executing;
  }

  #register(id: string, name: string): CallRecord {
    const call: CallRecord = { id, name: typeof name === "string" ? name : "", executing: false };
    this.#calls.set(id, call);
    this.#order.push(call);
    this.#emit({ type: "queued", toolCallId: id, name: call.name, at: this.#now() });
    return call;
  }

  /** First result wins; returns whether this one was recorded. */
  #settle(call: CallRecord, result: ToolResult): boolean {
    if (call.result) return false;
    call.result = result;
    this.#emit({
      type: "finished",
      toolCallId: call.id,
      name: call.name,
      at: this.#now(),
      isError: result.isError,
      status: result.status,
    });
    return true;
  }

  #emit(event: TimelineEvent): void {
    this.#timeline.push(event);
    if (!this.#onEvent) return;
    try {
      this.#onEvent(event);
    } catch {
      // An observer must not be able to break the one-result-per-call guarantee.
    }
  }

  /**
   * Walks the calls in order from the cursor. Only one walk runs at a time: events that arrive
   * while a tool executes are picked up when the walk resumes, which is what keeps execution serial.
   */
  #drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    void this.#walk();
  }

  async #walk(): Promise<void> {
    try {
      for (;;) {
        const call = this.#order[this.#cursor];
        if (call === undefined || this.#aborted) break;
        if (!call.result) {
          if (!call.end) {
            if (this.#stream === "open") break;
            this.#settle(call, errorResult(call.id, call.name, "invalid", resultText.incomplete(call.name)));
          } else {
            if (this.#startWhen === "stream_ended" && this.#stream === "open") break;
            // #process never rejects by design; this guard keeps that true for values nobody foresaw.
            try {
              const pending = this.#process(call, call.end);
              if (pending) await pending;
            } catch (error) {
              call.release?.();
              call.executing = false;
              this.#executing = undefined;
              this.#settle(call, resultFromThrow(call.id, call.name, error));
            }
          }
        }
        this.#cursor++;
      }
    } finally {
      this.#draining = false;
    }
    if (this.#stream !== "open" && this.#cursor >= this.#order.length) this.#finish();
  }

  /** Gives `call` its result, running its tool if everything allows it. Never rejects. */
  #process(call: CallRecord, end: ApiStreamToolCallEndChunk): Promise<void> | undefined {
    const { id, name } = call;
    if (this.#rejected) {
      this.#settle(call, errorResult(id, name, "skipped", resultText.skippedAfterRejection(name)));
      return;
    }
    if (!this.#parallel && this.#toolRan) {
      this.#settle(call, errorResult(id, name, "single_tool_limit", resultText.singleToolLimit(name)));
      return;
    }
    const tool = this.#registry.get(name);
    if (!tool) {
      this.#settle(call, errorResult(id, name, "unknown_tool", resultText.unknownTool(name, this.#registry.names())));
      return;
    }
    const parsed = inputOf(end);
    if (!parsed.ok) {
      this.#settle(call, errorResult(id, name, "invalid", resultText.unparsedArguments(name, parsed.reason)));
      return;
    }
    const check = this.#registry.validate(name, parsed.input);
    if (!check.ok) {
      this.#settle(call, errorResult(id, name, "invalid", resultText.invalidInput(name, check.message)));
      return;
    }
    const request: ToolCall = { id, name, input: parsed.input, arguments: end.arguments };
    if (!this.#approve) return this.#run(call, tool, request);
    let verdict: boolean | PromiseLike<boolean>;
    try {
      verdict = this.#approve(request);
    } catch (error) {
      this.#settle(call, errorResult(id, name, "error", resultText.approvalFailed(name, conciseMessage(error))));
      return;
    }
    if (!isPromiseLike<boolean>(verdict)) return this.#afterApproval(call, tool, request, verdict);
    return Promise.resolve(verdict).then(
      (approved) => this.#afterApproval(call, tool, request, approved),
      (error: unknown) => {
        this.#settle(call, errorResult(id, name, "error", resultText.approvalFailed(name, conciseMessage(error))));
      },
    );
  }

  #afterApproval(call: CallRecord, tool: AnyTool, request: ToolCall, approved: unknown): Promise<void> | undefined {
    if (call.result || this.#aborted) return;
    if (approved !== true) {
      this.#rejected = true;
      this.#settle(call, errorResult(call.id, call.name, "denied", resultText.denied(call.name)));
      return;
    }
    return this.#run(call, tool, request);
  }

  #run(call: CallRecord, tool: AnyTool, request: ToolCall): Promise<void> | undefined {
    this.#toolRan = true;
    call.executing = true;
    this.#emit({ type: "started", toolCallId: call.id, name: call.name, at: this.#now() });
    const run = callSignal(
      this.#controller.signal,
      { toolCallId: call.id, name: call.name },
      this.#toolTimeoutMs,
      (error) => this.#settle(call, errorResult(call.id, call.name, "timed_out", error.message)),
    );
    call.release = run.dispose;
    const ctx: ToolContext = {
      toolCallId: call.id,
      signal: run.signal,
      reportProgress: (message) => this.#progress(call, message),
      reportResult: (output: ToolOutput) => {
        this.#settle(call, resultFromOutput(call.id, call.name, output));
      },
    };
    let output: unknown;
    try {
      output = tool.execute(request.input, ctx);
    } catch (error) {
      this.#completeRun(call, resultFromThrow(call.id, call.name, error));
      return;
    }
    if (!isPromiseLike(output)) {
      this.#completeRun(call, resultFromOutput(call.id, call.name, output));
      return;
    }
    const executing = Promise.resolve(output).then(
      (value) => this.#completeRun(call, resultFromOutput(call.id, call.name, value)),
      (error: unknown) => this.#completeRun(call, resultFromThrow(call.id, call.name, error)),
    );
    this.#executing = executing;
    return executing;
  }

  #completeRun(call: CallRecord, result: ToolResult): void {
    call.release?.();
    call.executing = false;
    this.#executing = undefined;
    this.#settle(call, result);
  }

  #progress(call: CallRecord, message: string | Record<string, unknown>): void {
    if (!call.executing || this.#aborted || !this.#onProgress) return;
    try {
      this.#onProgress({ toolCallId: call.id, name: call.name, message, at: this.#now() });
    } catch {
      // Progress is advisory; a failing listener must not fail the tool.
    }
  }

  #finish(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#detachSignal?.();
    this.#resolveDone(this.results);
  }
}
