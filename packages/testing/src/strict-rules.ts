import type { ChatRequestProblem } from "./validate.js";

/**
 * Rules real APIs enforce on the history a client sends back, by model id. Each strict model of
 * this server (see `STRICT_MODELS`) answers 400 like the real one when its rule is broken.
 */
export type StrictRule =
  /** Gemini 3 (Google's OpenAI-compatible endpoint): thought signatures on `tool_calls[i].extra_content`. */
  | "gemini-signatures"
  /** Gemini 3 via OpenRouter: thought signatures as `reasoning.encrypted` items of `reasoning_details`. */
  | "openrouter-gemini-details"
  /** DeepSeek / Kimi thinking mode: `reasoning_content` on every assistant message with tool calls. */
  | "reasoning-content"
  /** Mistral: tool-call ids of exactly 9 characters `[a-zA-Z0-9]`, on calls and results. */
  | "mistral-ids"
  /** Anthropic via OpenRouter: no rule on the history; prompt-cache reads reported in usage. */
  | "anthropic-cache";

export function strictRuleFor(model: unknown): StrictRule | undefined {
  if (typeof model !== "string") return undefined;
  const id = model.toLowerCase();
  if (/^gemini-3/.test(id)) return "gemini-signatures";
  if (/^google\/gemini-3/.test(id)) return "openrouter-gemini-details";
  if (/^(?:deepseek-v4|kimi-k2-thinking)/.test(id)) return "reasoning-content";
  if (/^(?:mistralai\/|mistral-|codestral|devstral|magistral|ministral)/.test(id)) return "mistral-ids";
  if (/^anthropic\/claude/.test(id)) return "anthropic-cache";
  return undefined;
}

/** The value Google documents for "no signature available": validation is skipped for that call. */
export const SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

function fnv32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function canonicalArguments(args: unknown): string {
  if (typeof args !== "string") return JSON.stringify(args ?? {});
  try {
    return JSON.stringify(JSON.parse(args === "" ? "{}" : args));
  } catch {
    return args;
  }
}

/**
 * The signature this server issues for a call: bound to its name and arguments (like Gemini's, it is
 * only valid on the call it was issued for), stateless so that any request can be checked.
 */
export function thoughtSignatureFor(name: string, args: unknown): string {
  const payload = `${name}\u0000${canonicalArguments(args)}`;
  return `tsig_${fnv32(payload)}${fnv32(`${payload}\u0001`)}`;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface WireCall {
  id: string;
  name: string;
  args: unknown;
  extra: unknown;
}

function callsOf(message: Json): WireCall[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return calls.filter(isObject).map((call) => {
    const fn = isObject(call.function) ? call.function : {};
    return {
      id: String(call.id ?? ""),
      name: String(fn.name ?? ""),
      args: fn.arguments,
      extra: call.extra_content,
    };
  });
}

const problem = (message: string, param: string): ChatRequestProblem => ({ message, param });

function missingSignature(call: WireCall, at: number): ChatRequestProblem {
  return problem(
    `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly. ` +
      `Additional data, function call \`default_api:${call.name}\`, position ${at}.`,
    `messages.[${at}].tool_calls`,
  );
}

function invalidSignature(call: WireCall, at: number): ChatRequestProblem {
  return problem(
    `Thought signature is not valid for function call \`${call.name}\` (messages[${at}]).`,
    `messages.[${at}]`,
  );
}

function validSignature(value: unknown, call: WireCall): boolean {
  return value === SKIP_THOUGHT_SIGNATURE || value === thoughtSignatureFor(call.name, call.args);
}

function googleSignature(extra: unknown): unknown {
  return isObject(extra) && isObject(extra.google) ? extra.google.thought_signature : undefined;
}

/** Gemini validates the current turn (since the last user message): the first call of each step must be signed. */
function checkGeminiSignatures(messages: Json[]): ChatRequestProblem | null {
  const turnStart = messages.findLastIndex((m) => m.role === "user");
  for (let at = turnStart + 1; at < messages.length; at++) {
    const message = messages[at] as Json;
    if (message.role !== "assistant") continue;
    const calls = callsOf(message);
    for (const [i, call] of calls.entries()) {
      const signature = googleSignature(call.extra);
      if (signature === undefined) {
        if (i === 0) return missingSignature(call, at);
        continue;
      }
      if (!validSignature(signature, call)) return invalidSignature(call, at);
    }
  }
  return null;
}

/** OpenRouter checks every assistant message with tool calls for one signature detail tied to its first call. */
function checkOpenRouterGeminiDetails(messages: Json[]): ChatRequestProblem | null {
  for (const [at, message] of messages.entries()) {
    if (message.role !== "assistant") continue;
    const calls = callsOf(message);
    const first = calls[0];
    if (!first) continue;
    const details = Array.isArray(message.reasoning_details) ? message.reasoning_details.filter(isObject) : [];
    const encrypted = details.filter((d) => d.type === "reasoning.encrypted");
    if (encrypted.filter((d) => d.data === SKIP_THOUGHT_SIGNATURE).length > 1) {
      return problem(
        `Invalid reasoning_details in messages[${at}]: more than one thought-signature placeholder for one message.`,
        `messages.[${at}].reasoning_details`,
      );
    }
    for (const detail of encrypted) {
      const call = calls.find((c) => c.id === detail.id);
      if (!call) {
        return problem(
          `Invalid reasoning_details in messages[${at}]: a thought signature names no tool call of this message (${String(detail.id)}).`,
          `messages.[${at}].reasoning_details`,
        );
      }
      if (!validSignature(detail.data, call)) return invalidSignature(call, at);
    }
    if (!encrypted.some((d) => d.id === first.id)) return missingSignature(first, at);
  }
  return null;
}

function checkReasoningContent(messages: Json[]): ChatRequestProblem | null {
  for (const [at, message] of messages.entries()) {
    if (message.role !== "assistant" || callsOf(message).length === 0) continue;
    if (typeof message.reasoning_content !== "string") {
      return problem(
        "The `reasoning_content` in the thinking mode must be passed back to the API.",
        `messages.[${at}].reasoning_content`,
      );
    }
  }
  return null;
}

const MISTRAL_ID = /^[a-zA-Z0-9]{9}$/;

function checkMistralIds(messages: Json[]): ChatRequestProblem | null {
  for (const [at, message] of messages.entries()) {
    const ids = message.role === "tool" ? [String(message.tool_call_id)] : callsOf(message).map((c) => c.id);
    const bad = ids.find((id) => !MISTRAL_ID.test(id));
    if (bad !== undefined) {
      return problem(`Tool call id was ${bad} but must be a-z, A-Z, 0-9, with a length of 9.`, `messages.[${at}]`);
    }
  }
  return null;
}

/** The model's history rule, or `null` when the messages satisfy it (or the model has none). */
export function checkStrictRule(model: unknown, messages: unknown[]): ChatRequestProblem | null {
  const list = messages.filter(isObject);
  switch (strictRuleFor(model)) {
    case "gemini-signatures":
      return checkGeminiSignatures(list);
    case "openrouter-gemini-details":
      return checkOpenRouterGeminiDetails(list);
    case "reasoning-content":
      return checkReasoningContent(list);
    case "mistral-ids":
      return checkMistralIds(list);
    default:
      return null;
  }
}
