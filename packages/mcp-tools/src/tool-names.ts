import { createHash } from "node:crypto";

/** What providers accept as a function name (the strictest common rule). */
export const PROVIDER_TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_NAME = 64;
const PREFIX = "mcp--";
const SEPARATOR = "--";
/** Longest server part, so that every server leaves room for its tools' names. */
const MAX_SERVER_PART = 24;
const HASH_LENGTH = 6;

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
}

/**
 * One part of `mcp--<server>--<tool>`: only letters, digits, `_` and `-`; no `--` inside (it is the
 * separator) and no `-` at either end (`parseMcpToolName` would split at the wrong place).
 */
export function sanitisePart(raw: string): string {
  const part = raw
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_-]/g, "_")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "_");
  return part === "" ? "_" : part;
}

/** `text` cut to `length`, with a hash of `original` at the end so that cut names stay distinct. */
function shortened(text: string, length: number, original: string): string {
  return `${text.slice(0, length - HASH_LENGTH - 1)}_${shortHash(original)}`;
}

/** The server part of the names: sanitised, at most 24 characters. */
export function serverPart(server: string): string {
  const part = sanitisePart(server);
  return part.length > MAX_SERVER_PART ? shortened(part, MAX_SERVER_PART, server) : part;
}

/**
 * Names the tools of one server: `mcp--<server>--<tool>`, within 64 characters of `[A-Za-z0-9_-]`.
 * A tool whose sanitised name is taken by another tool of the list, or is too long, gets a
 * hash of its original name; the result maps each exposed name back to the original exactly.
 */
export function nameTools(server: string, tools: readonly string[]): Map<string, string> {
  const head = `${PREFIX}${serverPart(server)}${SEPARATOR}`;
  const room = MAX_NAME - head.length;
  const byName = new Map<string, string>();
  const used = new Set<string>();
  // Names that need no change are placed first, so that a tool keeps its plain name whatever order
  // the server lists its tools in.
  const plain = new Set(tools.filter((tool) => sanitisePart(tool) === tool && tool.length <= room));
  const others = tools.filter((tool) => !plain.has(tool));
  for (const tool of [...plain, ...others]) {
    const part = sanitisePart(tool);
    let name = `${head}${part.length > room ? shortened(part, room, tool) : part}`;
    if (used.has(name)) name = `${head}${shortened(part, Math.min(room, part.length + HASH_LENGTH + 1), tool)}`;
    for (let n = 2; used.has(name); n++)
      name = `${head}${shortened(part, room - String(n).length, `${tool}#${n}`)}${n}`;
    used.add(name);
    byName.set(name, tool);
  }
  return byName;
}
