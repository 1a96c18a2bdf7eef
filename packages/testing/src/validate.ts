import { checkStrictRule } from "./strict-rules.js";

/** Why a chat request was rejected, with the offending parameter as OpenAI reports it. */
export interface ChatRequestProblem {
  message: string;
  param: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toolCallIds(message: Record<string, unknown>): string[] {
  const calls = message.tool_calls;
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => (isObject(call) && typeof call.id === "string" ? call.id : ""));
}

function checkToolPairing(messages: unknown[]): ChatRequestProblem | null {
  // Ids of the latest assistant turn with tool calls: still unanswered, and already answered.
  let pending = new Set<string>();
  let answered = new Set<string>();
  const missing = (): ChatRequestProblem => ({
    message:
      "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
      `The following tool_call_ids did not have response messages: ${[...pending].join(", ")}`,
    param: "messages",
  });

  for (const [i, message] of messages.entries()) {
    if (!isObject(message) || typeof message.role !== "string") {
      return {
        message: `Invalid value for 'messages[${i}]': expected an object with a 'role'.`,
        param: `messages.[${i}]`,
      };
    }
    if (message.role === "tool") {
      const id = message.tool_call_id;
      if (typeof id !== "string" || id === "") {
        return {
          message: `Missing required parameter: 'messages[${i}].tool_call_id'.`,
          param: `messages.[${i}].tool_call_id`,
        };
      }
      if (pending.delete(id)) {
        answered.add(id);
        continue;
      }
      if (answered.has(id)) {
        return {
          message: `Duplicate tool message for tool_call_id '${id}' at 'messages[${i}]'.`,
          param: `messages.[${i}]`,
        };
      }
      return {
        message:
          "Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls'. " +
          `No preceding tool call has the id '${id}' (messages[${i}]).`,
        param: `messages.[${i}].role`,
      };
    }
    // Any other message closes the previous tool-call turn.
    if (pending.size > 0) return missing();
    answered = new Set();
    if (message.role === "assistant") {
      const ids = toolCallIds(message);
      if (ids.includes("")) {
        return { message: `Missing required parameter: 'messages[${i}].tool_calls[].id'.`, param: `messages.[${i}]` };
      }
      if (new Set(ids).size !== ids.length) {
        return {
          message: `Duplicate tool_call id in 'messages[${i}].tool_calls'.`,
          param: `messages.[${i}].tool_calls`,
        };
      }
      pending = new Set(ids);
    }
  }
  return pending.size > 0 ? missing() : null;
}

/** Like {@link validateChatRequest}, but also names the offending parameter. */
export function findChatRequestProblem(body: unknown): ChatRequestProblem | null {
  if (!isObject(body)) return { message: "We could not parse the JSON body of your request.", param: null };
  if (typeof body.model !== "string" || body.model === "") {
    return { message: "You must provide a model parameter.", param: "model" };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { message: "Missing required parameter: 'messages'.", param: "messages" };
  }
  if (body.tools !== undefined && !Array.isArray(body.tools)) {
    return { message: "Invalid type for 'tools': expected an array.", param: "tools" };
  }
  if (Array.isArray(body.tools) && body.tools.length === 0) {
    return { message: "Invalid 'tools': empty array. Expected an array with minimum length 1.", param: "tools" };
  }
  if ("parallel_tool_calls" in body && body.parallel_tool_calls !== undefined && body.tools === undefined) {
    return {
      message: "'parallel_tool_calls' is only allowed when 'tools' are specified.",
      param: "parallel_tool_calls",
    };
  }
  return checkToolPairing(body.messages) ?? checkStrictRule(body.model, body.messages);
}

/**
 * Checks a Chat Completions request body the way OpenAI does before any model runs: `null` when it
 * would be accepted, otherwise the error message the API would answer with (HTTP 400).
 */
export function validateChatRequest(body: unknown): string | null {
  return findChatRequestProblem(body)?.message ?? null;
}
