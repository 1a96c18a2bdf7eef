import { type ApiStreamToolCallEndChunk, conciseMessage } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

export type ParsedInput = { ok: true; input: Record<string, unknown> } | { ok: false; reason: string };

/**
 * The arguments object of an ended call. The parser's verdict wins (`input` or `error`); events
 * that carry neither (hand-made ones) are parsed here, `""` meaning no arguments.
 */
export function inputOf(end: ApiStreamToolCallEndChunk): ParsedInput {
  if (end.input !== undefined) {
    return isRecord(end.input) ? { ok: true, input: end.input } : { ok: false, reason: "not a JSON object" };
  }
  if (end.error !== undefined) {
    const code = typeof end.error.code === "string" ? `${end.error.code}: ` : "";
    return { ok: false, reason: `${code}${conciseMessage(end.error)}` };
  }
  const text = typeof end.arguments === "string" ? end.arguments.trim() : "";
  if (text === "") return { ok: true, input: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? { ok: true, input: parsed } : { ok: false, reason: "not a JSON object" };
  } catch (error) {
    return { ok: false, reason: conciseMessage(error) };
  }
}
