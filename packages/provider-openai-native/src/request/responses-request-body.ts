/**
 * The Responses request this package sends, stated structurally (wire spelling). Items sent back
 * in `input` are the package's own shapes; the API accepts them as the SDK's `ResponseInputItem`.
 */
export interface ResponsesFunctionTool {
  type: "function";
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
  /** Sent explicitly: the Responses API would otherwise default to strict schemas. */
  strict: boolean;
}

/** `input_text` / `input_image` parts of user messages and of tool outputs. */
export type ResponsesInputPart =
  | { type: "input_text"; text: string }
  | { type: "input_image"; image_url: string; detail: "auto" };

export interface ResponsesUserMessage {
  type: "message";
  role: "user";
  content: ResponsesInputPart[];
}

export interface ResponsesAssistantMessage {
  type: "message";
  role: "assistant";
  content: Array<{ type: "output_text"; text: string; annotations: [] }>;
}

export interface ResponsesFunctionCall {
  type: "function_call";
  call_id: string;
  name: string;
  arguments: string;
}

export interface ResponsesFunctionCallOutput {
  type: "function_call_output";
  call_id: string;
  output: string | ResponsesInputPart[];
}

/** A reasoning item exactly as the stream's `response.output_item.done` gave it (opaque). */
export type ResponsesReasoningItem = Record<string, unknown> & { type: "reasoning"; id: string };

export type ResponsesInputItem =
  | ResponsesUserMessage
  | ResponsesAssistantMessage
  | ResponsesFunctionCall
  | ResponsesFunctionCallOutput
  | ResponsesReasoningItem;

export interface ResponsesRequestBody {
  model: string;
  input: ResponsesInputItem[];
  instructions?: string;
  stream: true;
  store: false;
  include: ["reasoning.encrypted_content"];
  tools?: ResponsesFunctionTool[];
  tool_choice?: "auto";
  parallel_tool_calls?: boolean;
  reasoning?: { effort: string; summary: "auto" };
  max_output_tokens?: number;
}
