import type {
  ApiHandler,
  ApiStreamChunk,
  ApiStreamProviderBlockChunk,
  ApiStreamToolCallPartialChunk,
} from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import { defineTool, runToolTurn } from "../src/index.js";
import { registryOf, SYSTEM, TASK } from "./turn-helpers.js";

/** How long the stream waits for a tool to start before it streams on anyway (the test then fails). */
const START_WAIT_MS = 2_000;

/**
 * A real in-process handler of a protocol that ends each call outright (as Anthropic's
 * `content_block_stop` does): each call's fragments, then `tool_call_complete`, then — before the
 * next call streams — it waits until the tool of the completed call has started, or gives up.
 */
class CompletingHandler implements ApiHandler {
  readonly log: string[] = [];
  readonly #started = new Map<string, () => void>();
  readonly #startedPromises = new Map<string, Promise<boolean>>();

  constructor(private readonly before: ApiStreamChunk[] = []) {}

  toolStarted(id: string): void {
    this.log.push(`tool started ${id}`);
    this.#started.get(id)?.();
  }

  #whenStarted(id: string): Promise<boolean> {
    let promise = this.#startedPromises.get(id);
    if (promise === undefined) {
      promise = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), START_WAIT_MS);
        this.#started.set(id, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      this.#startedPromises.set(id, promise);
    }
    return promise;
  }

  async *createMessage(): AsyncGenerator<ApiStreamChunk> {
    for (const chunk of this.before) yield chunk;
    const calls = [
      { index: 1, id: "toolu_1", path: "a.ts" },
      { index: 2, id: "toolu_2", path: "b.ts" },
    ];
    for (const call of calls) {
      const fragment = (f: Omit<ApiStreamToolCallPartialChunk, "type">): ApiStreamChunk => ({
        type: "tool_call_partial",
        ...f,
      });
      const started = this.#whenStarted(call.id);
      this.log.push(`stream ${call.id}`);
      yield fragment({ index: call.index, id: call.id, name: "read_file", arguments: "" });
      yield fragment({ index: call.index, arguments: `{"path":` });
      yield fragment({ index: call.index, arguments: JSON.stringify(call.path) });
      yield fragment({ index: call.index, arguments: "}" });
      yield { type: "tool_call_complete", index: call.index };
      this.log.push(`${call.id} complete; tool started in time: ${await started}`);
    }
    yield { type: "finish_reason", reason: "tool_use" };
  }

  getModel() {
    return { id: "in-process", info: {} };
  }
}

function readFile(handler: CompletingHandler) {
  return defineTool<{ path: string }>({
    name: "read_file",
    description: "Read a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    execute: async (input, ctx) => {
      handler.toolStarted(ctx.toolCallId);
      return `contents of ${input.path}`;
    },
  });
}

describe("tool_call_complete in a turn", () => {
  it("starts a call's tool on its completion, while the next call has not streamed yet", async () => {
    const handler = new CompletingHandler();
    const result = await runToolTurn({
      handler,
      registry: registryOf(readFile(handler)),
      systemPrompt: SYSTEM,
      history: TASK,
      parallelToolCalls: true,
    }).result;
    expect(handler.log).toEqual([
      "stream toolu_1",
      "tool started toolu_1",
      "toolu_1 complete; tool started in time: true",
      "stream toolu_2",
      "tool started toolu_2",
      "toolu_2 complete; tool started in time: true",
    ]);
    expect(result.status).toBe("tool_calls");
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["toolu_1", "ok"],
      ["toolu_2", "ok"],
    ]);
  });

  it("keeps provider blocks at their stream position, in place of their reasoning text, with the calls", async () => {
    const thinking: ApiStreamProviderBlockChunk = {
      type: "provider_block",
      block: { type: "thinking", thinking: "Two files to read.", signature: "sig-1" },
    };
    const item: ApiStreamProviderBlockChunk = {
      type: "provider_block",
      block: { type: "provider_data", protocol: "openai-responses", data: { id: "rs_1", encrypted_content: "enc" } },
    };
    const handler = new CompletingHandler([
      { type: "reasoning", text: "Two files " },
      { type: "reasoning", text: "to read." },
      thinking,
      { type: "reasoning", text: "summary text" },
      item,
    ]);
    const result = await runToolTurn({
      handler,
      registry: registryOf(readFile(handler)),
      systemPrompt: SYSTEM,
      history: TASK,
      parallelToolCalls: true,
    }).result;
    expect(result.reasoning).toBe("Two files to read.summary text");
    expect(result.assistantMessage?.content).toEqual([
      thinking.block,
      item.block,
      { type: "tool_use", id: "toolu_1", name: "read_file", input: { path: "a.ts" } },
      { type: "tool_use", id: "toolu_2", name: "read_file", input: { path: "b.ts" } },
    ]);
    expect(result.history.at(-2)).toBe(result.assistantMessage);
  });
});
