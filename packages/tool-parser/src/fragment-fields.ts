import type { RawToolCallFragment } from "@parallel-tool-calls/core-metadata";

/** The parts of a raw fragment the parser uses, normalised from every spelling seen on the wire. */
export interface FragmentFields {
  /** Non-empty id as a string; numeric ids become strings, `""`/null count as absent. */
  id: string | undefined;
  /** Non-empty name; `""` and null count as absent. */
  name: string | undefined;
  index: number | undefined;
  /** Argument text to append; objects are serialised, `""` counts as absent. */
  arguments: string | undefined;
  extraContent: Record<string, unknown> | undefined;
  /** Whether `arguments` had a type no provider sends (it is then reported, not applied). */
  badArguments: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readFragment(chunk: RawToolCallFragment): FragmentFields {
  const rawId: unknown = chunk.id;
  let id: string | undefined;
  if (typeof rawId === "number" && Number.isFinite(rawId)) id = String(rawId);
  else if (typeof rawId === "string" && rawId.trim().length > 0) id = rawId;

  const rawName: unknown = chunk.name;
  const name = typeof rawName === "string" && rawName.trim().length > 0 ? rawName : undefined;

  const rawIndex: unknown = chunk.index;
  const index = typeof rawIndex === "number" && Number.isFinite(rawIndex) ? rawIndex : undefined;

  const rawArguments: unknown = chunk.arguments;
  let args: string | undefined;
  let badArguments = false;
  if (typeof rawArguments === "string") args = rawArguments.length > 0 ? rawArguments : undefined;
  else if (typeof rawArguments === "object" && rawArguments !== null) args = JSON.stringify(rawArguments);
  else if (rawArguments !== undefined && rawArguments !== null) badArguments = true;

  const extraContent = isRecord(chunk.extra_content) ? chunk.extra_content : undefined;
  return { id, name, index, arguments: args, extraContent, badArguments };
}
