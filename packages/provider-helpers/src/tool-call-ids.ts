import type { ModelRules } from "./model-rules.js";

export type ToolCallIdShape = ModelRules["toolCallIds"];

const SAFE = /^[a-zA-Z0-9_-]{1,64}$/;
const NINE_ALNUM = /^[a-zA-Z0-9]{9}$/;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// Room left for a disambiguating suffix when a safe id is shortened to the 64-character limit.
const SAFE_MAX = 64;

/** 32-bit FNV-1a over UTF-16 units: deterministic, dependency-free, fast. */
function fnv32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `length` base-62 characters derived from `text`, each from its own hash (about 5.95 bits each). */
function base62(text: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[fnv32(`${i}:${text}`) % 62];
  return out;
}

function candidate(id: string, shape: ToolCallIdShape, attempt: number): string {
  const salted = attempt === 0 ? id : `${id}#${attempt}`;
  if (shape === "nine-alnum") return attempt === 0 && NINE_ALNUM.test(id) ? id : base62(salted, 9);
  if (attempt === 0 && SAFE.test(id)) return id;
  const cleaned = id.replace(/[^a-zA-Z0-9_-]/g, "_") || "call";
  if (attempt === 0 && cleaned.length <= SAFE_MAX) return cleaned;
  // Suffix with a hash so that ids that sanitise alike (`call.1`, `call:1`) stay distinct.
  const suffix = `_${base62(salted, 8)}`;
  return cleaned.slice(0, SAFE_MAX - suffix.length) + suffix;
}

/**
 * Maps a conversation's tool-call ids to the shape a model accepts, the same way for a call and its
 * result, with no two calls ever sharing an id (servers reject duplicates). Ids are assigned in
 * conversation order and depend only on what came before, so a growing history keeps the ids
 * (and the prompt-cache prefix) of its earlier turns. Already-valid ids are kept.
 */
export class ToolCallIdMap {
  readonly #shape: ToolCallIdShape;
  readonly #used = new Set<string>();
  // Per assistant message: original id → mapped ids of its calls, in call order.
  #turn = new Map<string, string[]>();
  #answered = new Map<string, number>();

  constructor(shape: ToolCallIdShape) {
    this.#shape = shape;
  }

  /** Starts the ids of a new assistant message; results that follow pair with its calls. */
  beginTurn(): void {
    this.#turn = new Map();
    this.#answered = new Map();
  }

  /** The id to send for a call of the current assistant message. */
  call(id: string): string {
    let mapped = "";
    for (let attempt = 0; ; attempt++) {
      mapped = candidate(id, this.#shape, attempt);
      if (!this.#used.has(mapped)) break;
    }
    this.#used.add(mapped);
    const list = this.#turn.get(id);
    if (list) list.push(mapped);
    else this.#turn.set(id, [mapped]);
    return mapped;
  }

  /**
   * The id to send for a result: its call's mapped id (the n-th result for an id answers the n-th
   * call with it). A result for no call of the current message maps like a fresh id, so that the
   * server, not this converter, reports the orphan.
   */
  result(toolUseId: string): string {
    const calls = this.#turn.get(toolUseId);
    const n = this.#answered.get(toolUseId) ?? 0;
    this.#answered.set(toolUseId, n + 1);
    const mapped = calls?.[Math.min(n, calls.length - 1)];
    return mapped ?? candidate(toolUseId, this.#shape, 0);
  }
}
