import type {
  ApiStreamProviderBlockChunk,
  ContentBlockParam,
  MessageParam,
  ReasoningDetail,
  ToolUseBlockParam,
} from "@parallel-tool-calls/core-metadata";

/**
 * Builds the assistant message of one response in stream order: reasoning, text and tool calls as
 * they came, consecutive text (or reasoning) merged into one block. A call takes its place when it
 * starts streaming; calls that never complete are left out, since no request may carry them.
 * Provider data is kept as received: per-call `extra_content`, the message's `reasoning_details`,
 * whole provider blocks (thinking with its signature, opaque protocol items) at their place.
 */
export class AssistantMessageBuilder {
  readonly #blocks: ContentBlockParam[] = [];
  /** Position of each call's block, reserved at its start. */
  readonly #slots = new Map<string, number>();
  readonly #completed = new Set<string>();
  #text = "";
  #reasoning = "";
  #reasoningDetails: ReasoningDetail[] | undefined;

  /** Appends streamed text. */
  text(text: string): void {
    this.#flushReasoning();
    this.#text += text;
  }

  /** Appends streamed reasoning. */
  reasoning(text: string): void {
    this.#flushText();
    this.#reasoning += text;
  }

  /**
   * Keeps a whole provider block at this point of the stream, in place of the reasoning text
   * streamed since the last text or call: that text was the readable copy of the same content.
   */
  providerBlock(block: ApiStreamProviderBlockChunk["block"]): void {
    this.#flushText();
    this.#reasoning = "";
    this.#blocks.push(block);
  }

  /** Keeps the provider's `reasoning_details` for the message (the last report wins). */
  reasoningDetails(details: ReasoningDetail[]): void {
    this.#reasoningDetails = details;
  }

  /** Reserves the call's place in the message, at the point of the stream where it started. */
  callStarted(id: string, name: string): void {
    if (this.#slots.has(id)) return;
    this.#flush();
    this.#slots.set(id, this.#blocks.length);
    this.#blocks.push({ type: "tool_use", id, name, input: {} });
  }

  /** Returns false when the call was already complete (a repeated end). */
  callCompleted(block: ToolUseBlockParam): boolean {
    if (this.#completed.has(block.id)) return false;
    this.#completed.add(block.id);
    const slot = this.#slots.get(block.id);
    if (slot === undefined) {
      this.#flush();
      this.#slots.set(block.id, this.#blocks.length);
      this.#blocks.push(block);
    } else {
      this.#blocks[slot] = block;
    }
    return true;
  }

  /** The complete calls in the order of the message (their start order in the stream). */
  toolCalls(): ToolUseBlockParam[] {
    const calls: ToolUseBlockParam[] = [];
    for (const block of this.#blocks) {
      if (block.type === "tool_use" && this.#completed.has(block.id)) calls.push(block);
    }
    return calls;
  }

  /**
   * The message, or undefined when the response holds neither text nor a complete call (an
   * assistant message with only reasoning, or nothing, is rejected by several APIs).
   */
  build(): MessageParam | undefined {
    this.#flush();
    const content = this.#blocks.filter((block) => block.type !== "tool_use" || this.#completed.has(block.id));
    if (!content.some((block) => block.type === "text" || block.type === "tool_use")) return undefined;
    const message: MessageParam = { role: "assistant", content };
    if (this.#reasoningDetails !== undefined) message.reasoning_details = this.#reasoningDetails;
    return message;
  }

  #flush(): void {
    this.#flushReasoning();
    this.#flushText();
  }

  #flushText(): void {
    if (this.#text !== "") this.#blocks.push({ type: "text", text: this.#text });
    this.#text = "";
  }

  #flushReasoning(): void {
    if (this.#reasoning !== "") this.#blocks.push({ type: "reasoning", text: this.#reasoning });
    this.#reasoning = "";
  }
}
