import { type ExampleSchema, exampleArguments } from "../example-arguments.js";
import type { RecordedRequest, ScriptHandler, StreamResponse } from "../types.js";
import { type ResponsesOutputSpec, responsesStream } from "./responses-stream.js";

/** Options of {@link gptModel}. */
export interface GptModelOptions {
  /** Function calls per round, in order; the round after the last answers with text (default `[3, 1]`). */
  rounds?: number[];
  /** Pause between two output items, in milliseconds (default 0). */
  itemDelayMs?: number;
  /** Characters per argument delta (default 6). */
  fragmentSize?: number;
}

interface WireTool {
  name?: string;
  parameters?: ExampleSchema;
}

type Json = Record<string, unknown>;

/** Rounds already played: runs of `function_call_output` items in the input. */
function roundsDone(input: Json[]): number {
  let rounds = 0;
  for (const [i, item] of input.entries()) {
    if (item.type === "function_call_output" && input[i - 1]?.type !== "function_call_output") rounds++;
  }
  return rounds;
}

/**
 * A scripted GPT-like model for `POST /v1/responses`: each response starts with a reasoning item
 * (summary and the `encrypted_content` the server's validation later verifies), then, while rounds
 * remain and the request has tools, that round's function calls (cycling through the tools,
 * arguments from each schema's required properties; only one when `parallel_tool_calls` is not
 * true), else a text answer. Ids are unique per round; usage counts about one input token per four
 * characters of input, with a fixed share of output spent on reasoning.
 */
export function gptModel(options: GptModelOptions = {}): ScriptHandler {
  const rounds = options.rounds ?? [3, 1];
  return (request: RecordedRequest): StreamResponse => {
    const body = (request.body ?? {}) as Json;
    const input: Json[] = Array.isArray(body.input) ? body.input : [];
    const tools: WireTool[] = Array.isArray(body.tools) ? body.tools : [];
    const round = roundsDone(input);
    let calls = tools.length > 0 ? (rounds[round] ?? 0) : 0;
    if (body.parallel_tool_calls !== true) calls = Math.min(calls, 1);
    const output: ResponsesOutputSpec[] = [
      {
        type: "reasoning",
        id: `rs_round${round}_${input.length}`,
        summary: [
          calls > 0
            ? `Round ${round + 1}: ${calls} tool call${calls === 1 ? "" : "s"} needed.`
            : "Enough is known to answer.",
        ],
      },
    ];
    for (let i = 0; i < calls; i++) {
      const tool = tools[i % tools.length] as WireTool;
      output.push({
        type: "function_call",
        id: `fc_round${round}_${i}`,
        callId: `call_round${round}_${i}`,
        name: tool.name ?? "unknown",
        arguments: JSON.stringify(exampleArguments(tool.parameters)),
      });
    }
    if (calls === 0) output.push({ type: "message", text: `Done after ${round} tool round${round === 1 ? "" : "s"}.` });
    return responsesStream(output, {
      fragmentSize: options.fragmentSize ?? 6,
      itemDelayMs: options.itemDelayMs ?? 0,
      model: typeof body.model === "string" ? body.model : "gpt-5.1",
      responseId: `resp_round${round}_${input.length}`,
      usage: {
        input_tokens: Math.ceil(JSON.stringify(input).length / 4),
        output_tokens: 40 + 20 * calls,
        reasoning_tokens: 16,
      },
    });
  };
}
