import type { ApiStreamReasoningChunk } from "@parallel-tool-calls/core-metadata";
import type { WireDelta } from "./wire-types.js";

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/**
 * Per-stream reasoning state. Precedence, per delta: readable `reasoning_details` (OpenRouter's
 * structured copy) when present; else the first NON-EMPTY of `reasoning` (OpenRouter, Groq) and
 * `reasoning_content` (DeepSeek, vLLM, xAI, Qwen), so an empty `reasoning: ""` sent next to the
 * real `reasoning_content` never hides it. Once a stream has sent `reasoning_details`, the plain
 * copies of the same text are ignored for the rest of it.
 */
export class ReasoningSource {
  private sawDetails = false;

  *read(delta: WireDelta): Generator<ApiStreamReasoningChunk> {
    if (Array.isArray(delta.reasoning_details) && delta.reasoning_details.length > 0) {
      this.sawDetails = true;
      for (const detail of delta.reasoning_details) {
        // Encrypted details carry no readable text; they are never shown.
        const text =
          detail.type === "reasoning.text" ? detail.text : detail.type === "reasoning.summary" ? detail.summary : null;
        if (nonEmpty(text)) yield { type: "reasoning", text };
      }
      return;
    }
    if (this.sawDetails) return;
    const plain = nonEmpty(delta.reasoning) ? delta.reasoning : delta.reasoning_content;
    if (nonEmpty(plain)) yield { type: "reasoning", text: plain };
  }
}
