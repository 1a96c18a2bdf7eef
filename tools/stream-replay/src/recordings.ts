import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";

/** What a recording's `<name>.meta.json` may say; every field is optional. */
export interface RecordingMeta {
  /** `"openai-responses"` replays through `OpenAiNativeHandler` (also inferred from the events). */
  protocol?: string;
  /** `"openrouter"` replays through `OpenRouterHandler` (also inferred from `provenance.uri`). */
  handler?: string;
  provenance?: { uri?: string; [key: string]: unknown };
  framing?: {
    /** Responses: whether `event:` lines were recorded (`"none"` or missing: not sent). */
    eventLines?: string;
    /** Send `data: [DONE]` after the last chunk (default true). */
    done?: boolean;
    /** SSE comment lines (`: text`) sent before chunk number `before` (keep-alives). */
    comments?: Array<{ before: number; text: string }>;
  };
}

export interface Recording {
  /** Path relative to the replayed folder, without `.jsonl`. */
  name: string;
  /** One chunk per line, exactly as recorded. */
  lines: string[];
  meta: RecordingMeta;
}

/** Bounds that keep a stray folder (or a huge capture) from hanging the command. */
export const MAX_RECORDINGS = 10_000;
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024;

function jsonlFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) jsonlFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith(".jsonl")) out.push(path);
    if (out.length > MAX_RECORDINGS) throw new Error(`more than ${MAX_RECORDINGS} recordings under ${dir}`);
  }
}

function readMeta(file: string): RecordingMeta {
  const path = file.replace(/\.jsonl$/, ".meta.json");
  try {
    return JSON.parse(readFileSync(path, "utf8")) as RecordingMeta;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${basename(path)}: ${(error as Error).message}`);
  }
}

/** Every `*.jsonl` under `folder` (recursively, sorted), with its `.meta.json` when there is one. */
export function loadRecordings(folder: string): Recording[] {
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const files: string[] = [];
  jsonlFiles(folder, files);
  return files.map((file) => {
    if (statSync(file).size > MAX_RECORDING_BYTES)
      throw new Error(`${file} is larger than ${MAX_RECORDING_BYTES} bytes`);
    const lines = readFileSync(file, "utf8")
      .split("\n")
      .map((line) => line.replace(/\r$/, ""))
      .filter((line) => line.trim() !== "");
    return { name: relative(folder, file).replace(/\.jsonl$/, ""), lines, meta: readMeta(file) };
  });
}

/** Whether a recording is a Responses stream: its meta says so, or its first event is a `response.*` one. */
export function isResponsesRecording(recording: Pick<Recording, "lines" | "meta">): boolean {
  if (recording.meta.protocol !== undefined) return recording.meta.protocol === "openai-responses";
  return /^\s*\{[^\n]*"type"\s*:\s*"response\./.test(recording.lines[0] ?? "");
}

/** Which handler replays a recording: OpenRouter when its meta says so, else OpenAI-compatible. */
export function handlerKindOf(meta: RecordingMeta): "openrouter" | "openai-compatible" {
  if (meta.handler !== undefined) return /openrouter/i.test(meta.handler) ? "openrouter" : "openai-compatible";
  return /openrouter\.ai/i.test(meta.provenance?.uri ?? "") ? "openrouter" : "openai-compatible";
}
