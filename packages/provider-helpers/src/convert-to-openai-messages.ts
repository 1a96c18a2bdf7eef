import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageParam,
  ToolResultBlockParam,
} from "@parallel-tool-calls/core-metadata";
import type OpenAI from "openai";
import { ProviderConfigError } from "./errors.js";
import { sanitizeToolCallId } from "./sanitize-tool-call-id.js";

type OpenAiMessage = OpenAI.Chat.ChatCompletionMessageParam;
type UserPart = OpenAI.Chat.ChatCompletionContentPartText | OpenAI.Chat.ChatCompletionContentPartImage;

function invalid(message: string): ProviderConfigError {
  return new ProviderConfigError("invalid_history", message, { provider: "history" });
}

function imagePart(block: ImageBlockParam): OpenAI.Chat.ChatCompletionContentPartImage {
  const { source } = block;
  const url = source.type === "base64" ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: "image_url", image_url: { url } };
}

/** Tool messages carry a string: text parts joined; images move to the following user message. */
function toolResultContent(block: ToolResultBlockParam): { text: string; images: ImageBlockParam[] } {
  if (block.content === undefined) return { text: "", images: [] };
  if (typeof block.content === "string") return { text: block.content, images: [] };
  const texts: string[] = [];
  const images: ImageBlockParam[] = [];
  for (const part of block.content) {
    if (part.type === "text") texts.push(part.text);
    else if (part.type === "image") images.push(part);
  }
  return { text: texts.join("\n"), images };
}

function convertUser(blocks: ContentBlockParam[], at: number): OpenAiMessage[] {
  const toolMessages: OpenAiMessage[] = [];
  const parts: UserPart[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "tool_result": {
        const { text, images } = toolResultContent(block);
        toolMessages.push({ role: "tool", tool_call_id: sanitizeToolCallId(block.tool_use_id), content: text });
        parts.push(...images.map(imagePart));
        break;
      }
      case "text":
        parts.push({ type: "text", text: block.text });
        break;
      case "image":
        parts.push(imagePart(block));
        break;
      default:
        throw invalid(`messages[${at}]: a user message cannot contain a "${block.type}" block`);
    }
  }
  // Tool results must directly follow the assistant's tool calls, so they go before any user text.
  return parts.length > 0 ? [...toolMessages, { role: "user", content: parts }] : toolMessages;
}

function convertAssistant(blocks: ContentBlockParam[], at: number): OpenAiMessage {
  const texts: string[] = [];
  const toolCalls: OpenAI.Chat.ChatCompletionMessageFunctionToolCall[] = [];
  for (const block of blocks) {
    if (block.type === "text") texts.push(block.text);
    else if (block.type === "tool_use") {
      toolCalls.push({
        id: sanitizeToolCallId(block.id),
        type: "function",
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      });
    } else {
      throw invalid(`messages[${at}]: an assistant message cannot contain a "${block.type}" block`);
    }
  }
  const text = texts.join("\n");
  if (toolCalls.length === 0) return { role: "assistant", content: text };
  // Bedrock-backed providers reject `content: ""` next to tool calls; null is accepted everywhere.
  return { role: "assistant", content: text === "" ? null : text, tool_calls: toolCalls };
}

/**
 * Converts Anthropic-style history to Chat Completions messages: assistant `tool_use` blocks become
 * `tool_calls`, user `tool_result` blocks become `tool` messages placed before the user's own text
 * and images, and tool-call ids are sanitised identically on both sides so they still match.
 */
export function convertToOpenAiMessages(messages: readonly MessageParam[]): OpenAiMessage[] {
  const out: OpenAiMessage[] = [];
  messages.forEach((message, at) => {
    if (message.role !== "user" && message.role !== "assistant") {
      throw invalid(`messages[${at}]: role must be "user" or "assistant", got ${JSON.stringify(message.role)}`);
    }
    if (typeof message.content === "string") {
      out.push({ role: message.role, content: message.content });
      return;
    }
    if (!Array.isArray(message.content)) throw invalid(`messages[${at}]: content must be a string or an array`);
    if (message.role === "user") out.push(...convertUser(message.content, at));
    else out.push(convertAssistant(message.content, at));
  });
  return out;
}
