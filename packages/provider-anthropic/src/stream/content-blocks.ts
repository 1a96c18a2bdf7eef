import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

type Json = Record<string, unknown>;

/** What the stream has said so far about one content block, by its `index`. */
type BlockState =
  | { type: "text" }
  | { type: "thinking"; thinking: string[]; signature: string }
  | { type: "redacted_thinking"; data: string }
  /** `input` is what `content_block_start` carried; `streamed` whether any argument text followed. */
  | { type: "tool_use"; input: unknown; streamed: boolean }
  /** Server tools, citations and any block type this package does not map. */
  | { type: "other" };

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Maps the content-block events of one response onto the chunk union, keeping stream order:
 * text and thinking as they stream; a `tool_use` block as `tool_call_partial` fragments (index =
 * block index) then `tool_call_complete` on its own `content_block_stop`, so its tool can start
 * while later blocks stream; a thinking block, on its stop, as a `provider_block` with the whole
 * block and its signature (what the next request must send back unchanged); redacted thinking too.
 */
export class ContentBlocks {
  readonly #blocks = new Map<number, BlockState>();

  /** Whether a `tool_use` block has started and not stopped (a cut there must not run it). */
  get openToolUse(): boolean {
    for (const block of this.#blocks.values()) if (block.type === "tool_use") return true;
    return false;
  }

  *start(index: number, block: Json): Generator<ApiStreamChunk> {
    switch (block.type) {
      case "text": {
        this.#blocks.set(index, { type: "text" });
        const text = str(block.text);
        if (text !== "") yield { type: "text", text };
        return;
      }
      case "thinking": {
        const thinking = str(block.thinking);
        this.#blocks.set(index, { type: "thinking", thinking: [thinking], signature: str(block.signature) });
        if (thinking !== "") yield { type: "reasoning", text: thinking };
        return;
      }
      case "redacted_thinking":
        this.#blocks.set(index, { type: "redacted_thinking", data: str(block.data) });
        return;
      case "tool_use":
        this.#blocks.set(index, { type: "tool_use", input: block.input, streamed: false });
        yield { type: "tool_call_partial", index, id: str(block.id), name: str(block.name), arguments: "" };
        return;
      default:
        this.#blocks.set(index, { type: "other" });
    }
  }

  *delta(index: number, delta: Json): Generator<ApiStreamChunk> {
    const block = this.#blocks.get(index);
    switch (delta.type) {
      case "text_delta": {
        const text = str(delta.text);
        if (text !== "" && block?.type === "text") yield { type: "text", text };
        return;
      }
      case "thinking_delta": {
        const text = str(delta.thinking);
        if (block?.type !== "thinking") return;
        block.thinking.push(text);
        if (text !== "") yield { type: "reasoning", text };
        return;
      }
      case "signature_delta":
        if (block?.type === "thinking") block.signature += str(delta.signature);
        return;
      case "input_json_delta": {
        const text = str(delta.partial_json);
        if (block?.type !== "tool_use" || text === "") return;
        block.streamed = true;
        yield { type: "tool_call_partial", index, arguments: text };
        return;
      }
      default:
        return;
    }
  }

  *stop(index: number): Generator<ApiStreamChunk> {
    const block = this.#blocks.get(index);
    this.#blocks.delete(index);
    if (block?.type === "tool_use") {
      // A whole input in `content_block_start` and no argument text (programmatic tool calling, or a
      // call without parameters): the input is the arguments.
      if (!block.streamed) {
        const input = isRecord(block.input) ? block.input : {};
        yield { type: "tool_call_partial", index, arguments: JSON.stringify(input) };
      }
      yield { type: "tool_call_complete", index };
    } else if (block?.type === "thinking") {
      yield {
        type: "provider_block",
        block: { type: "thinking", thinking: block.thinking.join(""), signature: block.signature },
      };
    } else if (block?.type === "redacted_thinking") {
      yield { type: "provider_block", block: { type: "redacted_thinking", data: block.data } };
    }
  }
}
