import type { ApiStreamChunk, ApiStreamToolCallPartialChunk } from "@parallel-tool-calls/core-metadata";
import { stringOr } from "./responses-events.js";

interface OpenCall {
  /** `output_index`: the `index` of every fragment of this call. */
  index: number;
  callId: string;
  name: string;
  /** The argument text yielded so far. */
  args: string;
}

type Item = Record<string, unknown>;

/**
 * The function calls of one response, from `response.output_item.added` to `.done`. Each call's
 * fragments carry its `output_index` as `index` and its `call_id` (what the next request must
 * answer, not the item's `fc_…` id) as `id`. Argument deltas are matched by `item_id`, else by
 * `output_index` (GitHub Copilot rotates `item_id`). The final arguments come from the done event
 * when deltas were missing or short (LM Studio sends none). A call is complete on its own
 * `output_item.done`, and only then, so that its tool can start while the next call streams.
 */
export class FunctionCalls {
  readonly #byIndex = new Map<number, OpenCall>();
  readonly #byItemId = new Map<string, OpenCall>();
  /** Calls that reached their done event. */
  completed = 0;

  *added(index: number, item: Item): Generator<ApiStreamChunk> {
    const call = this.#open(index, item);
    const partial: ApiStreamToolCallPartialChunk = {
      type: "tool_call_partial",
      index,
      id: call.callId,
      name: call.name,
    };
    const args = stringOr(item.arguments, "");
    if (args !== "") {
      call.args = args;
      partial.arguments = args;
    }
    yield partial;
  }

  *delta(index: number | undefined, itemId: unknown, delta: string): Generator<ApiStreamChunk> {
    const call = this.#find(index, itemId);
    if (call === undefined || delta === "") return;
    call.args += delta;
    yield { type: "tool_call_partial", index: call.index, arguments: delta };
  }

  /** `function_call_arguments.done`: the whole argument text; only what deltas did not bring is yielded. */
  *argumentsDone(index: number | undefined, itemId: unknown, final: unknown): Generator<ApiStreamChunk> {
    const call = this.#find(index, itemId);
    if (call !== undefined) yield* this.#settle(call, final);
  }

  /** `output_item.done` of a function call: settles id, name and arguments, then completes the call. */
  *done(index: number, item: Item): Generator<ApiStreamChunk> {
    let call = this.#find(index, item.id);
    if (call === undefined) {
      // No `added` event (or one this reader could not place): the done item says it all.
      yield* this.added(index, item);
      call = this.#find(index, item.id) as OpenCall;
    }
    const callId = stringOr(item.call_id, "");
    const name = stringOr(item.name, "");
    if ((callId !== "" && callId !== call.callId) || (name !== "" && name !== call.name)) {
      if (callId !== "") call.callId = callId;
      if (name !== "") call.name = name;
      yield { type: "tool_call_partial", index: call.index, id: call.callId, name: call.name };
    }
    yield* this.#settle(call, item.arguments);
    this.#byIndex.delete(call.index);
    for (const [id, open] of this.#byItemId) if (open === call) this.#byItemId.delete(id);
    this.completed++;
    yield { type: "tool_call_complete", index: call.index, toolCallId: call.callId };
  }

  /** Calls added but never done (cut by `response.incomplete` or a failure): they must not run. */
  get open(): number {
    return this.#byIndex.size;
  }

  #open(index: number, item: Item): OpenCall {
    const itemId = stringOr(item.id, "");
    const call: OpenCall = {
      index,
      // Hosts that send no `call_id` still need one id per call: the item id is unique.
      callId: stringOr(item.call_id, "") || itemId,
      name: stringOr(item.name, ""),
      args: "",
    };
    this.#byIndex.set(index, call);
    if (itemId !== "") this.#byItemId.set(itemId, call);
    return call;
  }

  #find(index: number | undefined, itemId: unknown): OpenCall | undefined {
    const byId = typeof itemId === "string" ? this.#byItemId.get(itemId) : undefined;
    return byId ?? (index === undefined ? undefined : this.#byIndex.get(index));
  }

  *#settle(call: OpenCall, final: unknown): Generator<ApiStreamChunk> {
    // The done text is authoritative; deltas only ever append, so a missing tail is what can be fixed.
    if (typeof final !== "string" || final.length <= call.args.length || !final.startsWith(call.args)) return;
    const rest = final.slice(call.args.length);
    call.args = final;
    yield { type: "tool_call_partial", index: call.index, arguments: rest };
  }
}
