import type { ChatCompletionTool } from "@parallel-tool-calls/core-metadata";
import type { ResponsesFunctionTool } from "./responses-request-body.js";

/**
 * Chat Completions tools (`{type, function: {name, …}}`, the metadata's shape) in the flat
 * Responses form. `strict` is always sent: the Responses API treats a missing `strict` as `true`,
 * which rejects the loose JSON schemas agents' tools use.
 */
export function toResponsesTools(tools: readonly ChatCompletionTool[]): ResponsesFunctionTool[] {
  return tools.map(({ function: fn }) => ({
    type: "function",
    name: fn.name,
    ...(fn.description === undefined ? {} : { description: fn.description }),
    // A tool without parameters still takes an (empty) arguments object.
    parameters: fn.parameters ?? { type: "object", properties: {} },
    strict: fn.strict === true,
  }));
}
