/**
 * Conversation history in the Anthropic `MessageParam` shape that agent histories use, stated
 * structurally (no SDK needed). Values of these types are accepted where Anthropic's are.
 */
export interface TextBlockParam {
  type: "text";
  /** The text. */
  text: string;
}

/** Where an image comes from: inline base64 data or a URL. */
export type ImageSource =
  | { type: "base64"; media_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp"; data: string }
  | { type: "url"; url: string };

/** An image in a message (or after a tool result). */
export interface ImageBlockParam {
  type: "image";
  /** The image data or URL. */
  source: ImageSource;
}

/** A tool call of an assistant message. */
export interface ToolUseBlockParam {
  type: "tool_use";
  /** The call's id. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The arguments object, as streamed. */
  input: unknown;
  /**
   * Provider data that must come back on this same call, exactly as received (Gemini 3 puts
   * `google.thought_signature` here, on the first call of a parallel batch only).
   */
  extra_content?: Record<string, unknown>;
}

/** The result of one tool call, in the user message after the calls. */
export interface ToolResultBlockParam {
  type: "tool_result";
  /** The id of the call it answers (wire spelling). */
  tool_use_id: string;
  /** What the tool returned. */
  content?: string | Array<TextBlockParam | ImageBlockParam>;
  /** Set when the call failed (wire spelling). */
  is_error?: boolean;
}

/**
 * Readable reasoning the model streamed (KiloCode's `reasoning` block). Models in a thinking mode
 * that requires it (DeepSeek, Kimi) get it back as `reasoning_content`; others never see it.
 */
export interface ReasoningBlockParam {
  type: "reasoning";
  /** The reasoning text. */
  text: string;
}

/** Anthropic extended thinking, as agents already store it; the signature is opaque. */
export interface ThinkingBlockParam {
  type: "thinking";
  /** The thinking text. */
  thinking: string;
  /** Opaque signature the provider checks. */
  signature: string;
}

/** Anthropic thinking the provider returned encrypted. */
export interface RedactedThinkingBlockParam {
  type: "redacted_thinking";
  /** The encrypted thinking, opaque. */
  data: string;
}

/**
 * Provider data of an assistant message that only the protocol that produced it can read (a
 * Responses reasoning item with its `encrypted_content`), kept at its place among the message's
 * blocks and sent back unchanged by that protocol's converter. Other protocols' converters leave
 * it out; the turn runner stores it without reading it.
 */
export interface ProviderDataBlockParam {
  type: "provider_data";
  /** The protocol that produced it and alone reads it, e.g. `"openai-responses"`. */
  protocol: string;
  /** The data as the protocol gave it: opaque, JSON-serialisable. */
  data: Record<string, unknown>;
}

/**
 * One OpenRouter `reasoning_details` item (`reasoning.text`, `reasoning.summary` or
 * `reasoning.encrypted`). Opaque beyond `type`: it is sent back exactly as accumulated.
 */
export interface ReasoningDetail {
  /** `reasoning.text`, `reasoning.summary` or `reasoning.encrypted`. */
  type: string;
  /** As sent. */
  id?: string | null;
  /** As sent. */
  format?: string | null;
  /** As sent. */
  index?: number;
  /** As sent. */
  text?: string | null;
  /** As sent. */
  summary?: string | null;
  /** As sent. */
  data?: string | null;
  /** As sent. */
  signature?: string | null;
  /** Anything else the provider sent, kept. */
  [field: string]: unknown;
}

/** Any block of a message. */
export type ContentBlockParam =
  | TextBlockParam
  | ImageBlockParam
  | ToolUseBlockParam
  | ToolResultBlockParam
  | ReasoningBlockParam
  | ThinkingBlockParam
  | RedactedThinkingBlockParam
  | ProviderDataBlockParam;

/** One message of the conversation history. */
export interface MessageParam {
  /** Who said it. */
  role: "user" | "assistant";
  /** Plain text, or blocks. */
  content: string | ContentBlockParam[];
  /**
   * Assistant messages only: the `reasoning_details` a gateway (OpenRouter) streamed for this
   * message, accumulated, to be sent back unchanged with it.
   */
  reasoning_details?: ReasoningDetail[];
}
