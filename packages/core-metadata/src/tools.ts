/**
 * OpenAI Chat Completions tool shapes, stated structurally so that this package needs no SDK.
 * They are assignable to the `openai` package's `ChatCompletionTool` and tool-choice types.
 */
export interface FunctionDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export interface ChatCompletionTool {
  type: "function";
  function: FunctionDefinition;
}

export type ChatCompletionToolChoiceOption =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; function: { name: string } };
