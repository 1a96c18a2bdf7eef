import type { ImageBlockParam, ToolResultBlockParam } from "@parallel-tool-calls/core-metadata";
import type { ResponsesInputPart } from "../request/responses-request-body.js";

/** An image as the Responses API takes it: a URL, or the base64 data as a data URL. */
export function imagePart(block: ImageBlockParam): ResponsesInputPart {
  const { source } = block;
  const url = source.type === "base64" ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: "input_image", image_url: url, detail: "auto" };
}

/**
 * A tool result's `output`: a string when it is text only (the common case, cheapest to send),
 * else the list of `input_text` / `input_image` parts, which `function_call_output` accepts, so
 * that images a tool returned reach the model with its call instead of in a separate message.
 */
export function toolOutputOf(block: ToolResultBlockParam): string | ResponsesInputPart[] {
  const content = block.content;
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  if (content.every((part) => part.type === "text")) return content.map((part) => part.text).join("\n");
  return content.map((part) => (part.type === "text" ? { type: "input_text", text: part.text } : imagePart(part)));
}
