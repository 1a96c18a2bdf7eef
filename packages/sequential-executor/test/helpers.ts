import type {
  ApiStreamToolCallEndChunk,
  ApiStreamToolCallStartChunk,
  ToolCallIssue,
} from "@parallel-tool-calls/core-metadata";
import { defineTool, type Tool } from "../src/index.js";

export function start(id: string, name: string): ApiStreamToolCallStartChunk {
  return { type: "tool_call_start", id, name };
}

/** A `tool_call_end` whose arguments parsed. */
export function end(id: string, name: string, input: Record<string, unknown> = {}): ApiStreamToolCallEndChunk {
  return { type: "tool_call_end", id, name, arguments: JSON.stringify(input), input };
}

/** A `tool_call_end` whose arguments did not parse, as the parser reports it. */
export function unparsedEnd(id: string, name: string, raw = '{"path": "a'): ApiStreamToolCallEndChunk {
  const error: ToolCallIssue = Object.assign(new Error("Unterminated string in JSON at position 10"), {
    code: "invalid_json",
  });
  return { type: "tool_call_end", id, name, arguments: raw, error };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending timers, I/O callbacks and microtasks run. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function macrotasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await macrotask();
}

/**
 * Records how many tool executions overlap. Tools built with it yield to the event loop several
 * times inside `execute`, so two executions running at once would be caught.
 */
export class OverlapProbe {
  running = 0;
  maxRunning = 0;
  readonly log: string[] = [];

  tool(name: string, steps = 3): Tool {
    return defineTool({
      name,
      description: `${name}: yields ${steps} times`,
      parameters: { type: "object", properties: { steps: { type: "integer", minimum: 0 } } },
      execute: async (input, ctx) => {
        this.running++;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        this.log.push(`start ${ctx.toolCallId}`);
        try {
          await macrotasks(typeof input.steps === "number" ? input.steps : steps);
          return `${name} done for ${ctx.toolCallId}`;
        } finally {
          this.running--;
          this.log.push(`end ${ctx.toolCallId}`);
        }
      },
    });
  }
}
