import type { RawToolCallFragment } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

/**
 * A `delta.tool_calls[]` entry exactly as it is on the wire (`function: { name, arguments }`), which
 * the parser accepts beside the flattened {@link RawToolCallFragment}.
 */
export interface WireToolCallFragment {
  /** Position of the call in the response; not always dense, sometimes absent or repeated. */
  index?: number | null;
  /** The call's id, on its first fragment (some providers repeat it, or send a number). */
  id?: string | number | null;
  /** `"function"`, when sent. */
  type?: string | null;
  /** The tool's name (assigned, never appended) and the next piece of the arguments. */
  function?: { name?: string | null; arguments?: string | Record<string, unknown> | null } | null;
  /** Provider data to echo on the next request (Gemini thought signatures). */
  extra_content?: Record<string, unknown>;
}

/** Anything `processRawChunk` accepts: flattened or wire-shaped. */
export type ToolCallFragmentInput = RawToolCallFragment | WireToolCallFragment;

/** The parts of a raw fragment the parser uses, normalised from every spelling seen on the wire. */
export interface FragmentFields {
  /** Non-empty id as a string; numeric ids become strings, `""`/null count as absent. */
  id: string | undefined;
  /** Non-empty name; `""` and null count as absent. */
  name: string | undefined;
  index: number | undefined;
  /** An `index` that was present but not an integer; the warning says what was done with it. */
  badIndex: { value: unknown; coercedTo: number | undefined } | undefined;
  /** Argument text to append; objects are serialised, `""` counts as absent. */
  arguments: string | undefined;
  extraContent: Record<string, unknown> | undefined;
  /** Whether `arguments` had a type no provider sends (it is then reported, not applied). */
  badArguments: boolean;
}

const DECIMAL_INDEX = /^(?:0|-?[1-9][0-9]{0,8})$/;

/** A present `index` that is not an integer: digits in a string are read, anything else is dropped. */
function readBadIndex(rawIndex: unknown): { value: unknown; coercedTo: number | undefined } | undefined {
  if (rawIndex === undefined || rawIndex === null) return undefined;
  if (typeof rawIndex === "number" && Number.isInteger(rawIndex)) return undefined;
  const coercedTo = typeof rawIndex === "string" && DECIMAL_INDEX.test(rawIndex.trim()) ? Number(rawIndex) : undefined;
  return { value: rawIndex, coercedTo };
}

export function readFragment(chunk: ToolCallFragmentInput): FragmentFields {
  // Wire-shaped entries keep name and arguments under `function`; flattened fields win when both exist.
  const flat = chunk as RawToolCallFragment;
  const fn = (chunk as WireToolCallFragment).function;
  const wireFn = typeof fn === "object" && fn !== null ? fn : undefined;
  const rawId: unknown = chunk.id;
  let id: string | undefined;
  if (typeof rawId === "number" && Number.isFinite(rawId)) id = String(rawId);
  else if (typeof rawId === "string" && rawId.trim().length > 0) id = rawId;

  const rawName: unknown = flat.name ?? wireFn?.name;
  const name = typeof rawName === "string" && rawName.trim().length > 0 ? rawName : undefined;

  const rawIndex: unknown = chunk.index;
  const badIndex = readBadIndex(rawIndex);
  const index = badIndex ? badIndex.coercedTo : typeof rawIndex === "number" ? rawIndex : undefined;

  const rawArguments: unknown = flat.arguments ?? wireFn?.arguments;
  let args: string | undefined;
  let badArguments = false;
  if (typeof rawArguments === "string") args = rawArguments.length > 0 ? rawArguments : undefined;
  else if (typeof rawArguments === "object" && rawArguments !== null) args = JSON.stringify(rawArguments);
  else if (rawArguments !== undefined && rawArguments !== null) badArguments = true;

  const extraContent = isRecord(chunk.extra_content) ? chunk.extra_content : undefined;
  return { id, name, index, badIndex, arguments: args, extraContent, badArguments };
}
