/**
 * The Messages API's request shapes this package sends, stated structurally (as the SDK's
 * `MessageCreateParams` takes them) so that the public types do not change with the SDK version.
 */

/** Prompt-cache breakpoint: the prefix up to and including this block is cached. */
export interface AnthropicCacheControl {
  type: "ephemeral";
}

/** A text block (never empty: the API rejects empty text blocks). */
export interface AnthropicTextBlock {
  type: "text";
  text: string;
  cache_control?: AnthropicCacheControl;
}

/** An image, inline or by URL. */
export interface AnthropicImageBlock {
  type: "image";
  source:
    | { type: "base64"; media_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp"; data: string }
    | { type: "url"; url: string };
  cache_control?: AnthropicCacheControl;
}

/** A tool call of an assistant message; `id` matches `^[a-zA-Z0-9_-]+$`. */
export interface AnthropicToolUseBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
}

/** The result of one call, at the start of the user message after the calls. */
export interface AnthropicToolResultBlock {
  type: "tool_result";
  tool_use_id: string;
  content?: string | Array<AnthropicTextBlock | AnthropicImageBlock>;
  is_error?: boolean;
  cache_control?: AnthropicCacheControl;
}

/** Extended thinking, sent back exactly as streamed (the signature covers it). */
export interface AnthropicThinkingBlock {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** Thinking the API returned encrypted, sent back verbatim. */
export interface AnthropicRedactedThinkingBlock {
  type: "redacted_thinking";
  data: string;
}

/** Any block this package sends. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock;

/** One message of `messages`. */
export interface AnthropicMessage {
  role: "user" | "assistant";
  content: AnthropicContentBlock[];
}

/** A tool as the Messages API takes it. */
export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
}

/** `tool_choice`; `disable_parallel_tool_use` is the switch in this protocol's form. */
export type AnthropicToolChoice =
  | { type: "auto" | "any"; disable_parallel_tool_use: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use: boolean }
  | { type: "none" };

/** The whole body of one streaming request. */
export interface MessagesRequestBody {
  model: string;
  max_tokens: number;
  system?: AnthropicTextBlock[];
  messages: AnthropicMessage[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: { type: "enabled"; budget_tokens: number };
  temperature?: number;
  stream: true;
}
