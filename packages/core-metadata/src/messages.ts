/**
 * Conversation history in the Anthropic `MessageParam` shape that agent histories use, stated
 * structurally (no SDK needed). Values of these types are accepted where Anthropic's are.
 */
export interface TextBlockParam {
  type: "text";
  text: string;
}

export type ImageSource =
  | { type: "base64"; media_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp"; data: string }
  | { type: "url"; url: string };

export interface ImageBlockParam {
  type: "image";
  source: ImageSource;
}

export interface ToolUseBlockParam {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
}

export interface ToolResultBlockParam {
  type: "tool_result";
  tool_use_id: string;
  content?: string | Array<TextBlockParam | ImageBlockParam>;
  is_error?: boolean;
}

export type ContentBlockParam = TextBlockParam | ImageBlockParam | ToolUseBlockParam | ToolResultBlockParam;

export interface MessageParam {
  role: "user" | "assistant";
  content: string | ContentBlockParam[];
}
