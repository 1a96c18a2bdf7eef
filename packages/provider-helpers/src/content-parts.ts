/** One readable piece of `delta.content`, in wire order. */
export interface ContentPiece {
  kind: "text" | "reasoning";
  text: string;
}

type Part = { type?: unknown; text?: unknown; thinking?: unknown };

/** `thinking` is a string on some servers and an array of `{type:"text", text}` parts on Mistral's. */
function thinkingText(thinking: unknown): string {
  if (typeof thinking === "string") return thinking;
  if (!Array.isArray(thinking)) return "";
  let text = "";
  for (const inner of thinking as Part[]) if (typeof inner?.text === "string") text += inner.text;
  return text;
}

/**
 * Reads `delta.content` as sent: a string (the usual case) or an array of typed parts (Mistral's
 * reasoning models stream `[{type:"thinking", thinking:[…]}, {type:"text", text}]`). `thinking`
 * (and `reasoning`) parts become reasoning, every other part with a `text` answer text; parts without readable text (images,
 * references) carry nothing to show and are skipped. Empty pieces are dropped.
 */
export function readContentParts(content: unknown): ContentPiece[] {
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (!Array.isArray(content)) return [];
  const pieces: ContentPiece[] = [];
  for (const part of content as Part[]) {
    if (typeof part === "string") {
      if (part !== "") pieces.push({ kind: "text", text: part });
    } else if (part?.type === "thinking" || part?.type === "reasoning") {
      const text = thinkingText(part.thinking ?? part.text);
      if (text !== "") pieces.push({ kind: "reasoning", text });
    } else if (typeof part?.text === "string" && part.text !== "") {
      pieces.push({ kind: "text", text: part.text });
    }
  }
  return pieces;
}
