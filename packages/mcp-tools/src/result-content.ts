import type { ImageBlockParam } from "@parallel-tool-calls/core-metadata";
import type { ToolOutput } from "@parallel-tool-calls/sequential-executor";

/** The parts of an MCP `CallToolResult` this package reads (the SDK has validated its shape). */
export interface McpCallResult {
  content?: Array<Record<string, unknown>>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** The bounds a result is cut to. */
export interface ResultBounds {
  maxResultBytes: number;
  maxImageBytes: number;
}

type ImageMediaType = Extract<ImageBlockParam["source"], { type: "base64" }>["media_type"];
const IMAGE_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Decoded size of base64 data, without decoding it. */
function base64Bytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character. */
function cutUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back off continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

function describeResource(resource: Record<string, unknown>): string {
  const uri = str(resource.uri);
  const mime = str(resource.mimeType);
  if (typeof resource.text === "string") return `[resource ${uri}${mime ? ` (${mime})` : ""}]\n${resource.text}`;
  const size = base64Bytes(str(resource.blob));
  return `[resource ${uri}: ${mime || "binary"}, ${size} bytes, not shown]`;
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/**
 * One tool output from an MCP result: text parts, embedded text resources and notes for what
 * cannot be shown, in order; images the model can read as images (within `maxImageBytes`);
 * `structuredContent` as JSON unless a text part already carries it; text cut to `maxResultBytes`
 * with a note; `isError` kept.
 */
export function toToolOutput(result: McpCallResult, bounds: ResultBounds): ToolOutput {
  const parts: string[] = [];
  const images: ImageBlockParam[] = [];
  let imageBytes = 0;
  for (const item of result.content ?? []) {
    switch (item.type) {
      case "text":
        parts.push(str(item.text));
        break;
      case "image": {
        const mime = str(item.mimeType);
        const size = base64Bytes(str(item.data));
        if (!IMAGE_TYPES.has(mime)) parts.push(`[image: ${mime || "unknown type"}, ${size} bytes, not shown]`);
        else if (imageBytes + size > bounds.maxImageBytes) {
          parts.push(
            `[image: ${mime}, ${size} bytes, dropped: the result's images exceed ${bounds.maxImageBytes} bytes]`,
          );
        } else {
          imageBytes += size;
          images.push({
            type: "image",
            source: { type: "base64", media_type: mime as ImageMediaType, data: str(item.data) },
          });
        }
        break;
      }
      case "audio":
        parts.push(`[audio: ${str(item.mimeType) || "unknown type"}, ${base64Bytes(str(item.data))} bytes, not shown]`);
        break;
      case "resource":
        parts.push(describeResource((item.resource ?? {}) as Record<string, unknown>));
        break;
      case "resource_link":
        parts.push(`[resource link ${str(item.uri)}${item.name ? ` (${str(item.name)})` : ""}]`);
        break;
      default:
        parts.push(`[${typeof item.type === "string" ? item.type : "unknown"} content, not shown]`);
    }
  }
  const structured = result.structuredContent;
  if (structured !== undefined && !parts.some((part) => sameJson(part, structured))) {
    parts.push(JSON.stringify(structured));
  }
  let text = parts.join("\n");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > bounds.maxResultBytes) {
    text = `${cutUtf8(text, bounds.maxResultBytes)}\n(result cut to ${bounds.maxResultBytes} of ${bytes} bytes)`;
  }
  return {
    content: text,
    ...(images.length > 0 ? { images } : {}),
    ...(result.isError === true ? { isError: true } : {}),
  };
}
