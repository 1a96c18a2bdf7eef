import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { ToolCallArgumentsError } from "./errors.js";
import { isBlank } from "./json-scanner.js";

export interface FinalArguments {
  /** The normalised argument string: `{}` for none, without a leading `{}` placeholder. */
  arguments: string;
  input?: Record<string, unknown>;
  error?: ToolCallArgumentsError;
}

const LEADING_EMPTY_OBJECT = /^\s*\{\s*\}/;

/**
 * Turns a call's whole argument text into its final form with exactly one `JSON.parse`.
 * `topLevelContainers` comes from the scanner, so the Bedrock `{}{…}` shape is recognised
 * without re-scanning. Never guesses: text that does not parse yields an error and no input.
 */
export function finalizeArguments(callId: string, raw: string, topLevelContainers: number): FinalArguments {
  if (isBlank(raw)) return { arguments: "{}", input: {} };
  let text = raw;
  // Bedrock sends an empty object before the real one; drop placeholders while another value follows.
  for (let remaining = topLevelContainers; remaining > 1; remaining--) {
    const match = LEADING_EMPTY_OBJECT.exec(text);
    if (!match) break;
    text = text.slice(match[0].length);
  }
  if (text !== raw) text = text.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      arguments: text,
      error: new ToolCallArgumentsError({
        code: "invalid_json",
        callId,
        message: `Arguments of tool call ${callId} are not valid JSON (${text.length} characters): ${reason}`,
        cause,
      }),
    };
  }
  if (!isRecord(parsed)) {
    const kind = parsed === null ? "null" : Array.isArray(parsed) ? "an array" : `a ${typeof parsed}`;
    return {
      arguments: text,
      error: new ToolCallArgumentsError({
        code: "not_an_object",
        callId,
        message: `Arguments of tool call ${callId} are ${kind}, not a JSON object`,
      }),
    };
  }
  return { arguments: text, input: parsed };
}
