/**
 * An input item part of the Responses API (`input_text`, `input_image`): what user messages and
 * tool outputs are made of.
 */
export type ResponsesInputPart =
  | {
      type: "input_text";
      /** The text. */
      text: string;
    }
  | {
      type: "input_image";
      /** A URL, or the image as a `data:` URL. */
      image_url: string;
      /** Always `auto`: the model picks the resolution. */
      detail: "auto";
    };

/** A user message of the input. */
export interface ResponsesUserMessage {
  type: "message";
  role: "user";
  /** The user's text and images, in order. */
  content: ResponsesInputPart[];
}

/** Assistant text of an earlier turn, as the output message it was. */
export interface ResponsesAssistantMessage {
  type: "message";
  role: "assistant";
  /** One `output_text` part. */
  content: Array<{ type: "output_text"; text: string; annotations: [] }>;
}

/** A function call of an earlier turn (no item id: `call_id` is what outputs answer). */
export interface ResponsesFunctionCall {
  type: "function_call";
  /** The id its output answers. */
  call_id: string;
  /** The tool's name. */
  name: string;
  /** The arguments, as a JSON string. */
  arguments: string;
}

/** The one result of a function call. */
export interface ResponsesFunctionCallOutput {
  type: "function_call_output";
  /** The `call_id` of the call it answers. */
  call_id: string;
  /** Text, or text and image parts when the tool returned images. */
  output: string | ResponsesInputPart[];
}

/** A reasoning item exactly as the stream's `response.output_item.done` gave it (opaque). */
export type ResponsesReasoningItem = Record<string, unknown> & { type: "reasoning"; id: string };

/** One item of the `input` this package sends (a subset of the SDK's `ResponseInputItem`). */
export type ResponsesInputItem =
  | ResponsesUserMessage
  | ResponsesAssistantMessage
  | ResponsesFunctionCall
  | ResponsesFunctionCallOutput
  | ResponsesReasoningItem;

/** A function tool in the flat Responses form. */
export interface ResponsesFunctionTool {
  type: "function";
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
  /** Sent explicitly: the Responses API would otherwise default to strict schemas. */
  strict: boolean;
}

/** The request this package sends, stated structurally (wire spelling). */
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
