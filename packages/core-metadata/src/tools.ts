/**
 * OpenAI Chat Completions tool shapes, stated structurally so that this package needs no SDK.
 * They are assignable to the `openai` package's `ChatCompletionTool` and tool-choice types.
 */
export interface FunctionDefinition {
  /** The name the model calls it by. */
  name: string;
  /** What it does, for the model. */
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  /** OpenAI structured outputs: the arguments must match the schema exactly. */
  strict?: boolean | null;
}

/** A native tool as OpenAI Chat Completions takes it. */
export interface ChatCompletionTool {
  type: "function";
  /** The function the model may call. */
  function: FunctionDefinition;
}

/** Which tool the model must (or may) call; requests built here use `"auto"`. */
export type ChatCompletionToolChoiceOption =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; function: { name: string } };
