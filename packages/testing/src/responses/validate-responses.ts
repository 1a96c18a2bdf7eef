import { encryptedContentFor, summaryTexts } from "./encrypted-reasoning.js";

/** Why a Responses request was rejected: the real API's message, parameter and code. */
export interface ResponsesRequestProblem {
  message: string;
  param: string | null;
  code?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const problem = (message: string, param: string | null, code?: string): ResponsesRequestProblem => ({
  message,
  param,
  ...(code === undefined ? {} : { code }),
});

// Items the model produced, which a reasoning item may lead to.
const OUTPUT_ITEM_TYPES = new Set(["function_call", "message", "custom_tool_call", "web_search_call"]);
const INPUT_PART_TYPES = new Set(["input_text", "input_image", "input_file"]);

function itemType(item: Json): unknown {
  // `{role, content}` without a type is an (easy) input message.
  return item.type ?? (typeof item.role === "string" ? "message" : undefined);
}

function checkTools(body: Json): ResponsesRequestProblem | null {
  if (body.tools === undefined) {
    if (body.parallel_tool_calls !== undefined) {
      return problem("'parallel_tool_calls' is only allowed when 'tools' are specified.", "parallel_tool_calls");
    }
    if (body.tool_choice !== undefined) {
      return problem("'tool_choice' is only allowed when 'tools' are specified.", "tool_choice");
    }
    return null;
  }
  if (!Array.isArray(body.tools)) return problem("Invalid type for 'tools': expected an array.", "tools");
  for (const [i, tool] of body.tools.entries()) {
    if (!isObject(tool) || tool.type !== "function") continue;
    // The Chat Completions shape nests the name under `function`: the Responses API wants it flat.
    if (typeof tool.name !== "string" || tool.name === "") {
      return problem(`Missing required parameter: 'tools[${i}].name'.`, `tools[${i}].name`);
    }
  }
  return null;
}

function checkItem(item: Json, i: number, next: unknown, store: boolean): ResponsesRequestProblem | null {
  const type = itemType(item);
  switch (type) {
    case "message":
      return typeof item.role === "string"
        ? null
        : problem(`Missing required parameter: 'input[${i}].role'.`, `input[${i}].role`);
    case "function_call":
      for (const field of ["call_id", "name", "arguments"]) {
        if (typeof item[field] !== "string") {
          return problem(`Missing required parameter: 'input[${i}].${field}'.`, `input[${i}].${field}`);
        }
      }
      if (item.id !== undefined && !(typeof item.id === "string" && item.id.startsWith("fc"))) {
        return problem(
          `Invalid 'input[${i}].id': '${String(item.id)}'. Expected an ID that begins with 'fc'.`,
          `input[${i}].id`,
          "invalid_value",
        );
      }
      return null;
    case "function_call_output": {
      if (typeof item.call_id !== "string") {
        return problem(`Missing required parameter: 'input[${i}].call_id'.`, `input[${i}].call_id`);
      }
      const output = item.output;
      const parts = Array.isArray(output) && output.every((p) => isObject(p) && INPUT_PART_TYPES.has(String(p.type)));
      return typeof output === "string" || parts
        ? null
        : problem(
            `Invalid type for 'input[${i}].output': expected a string or an array of input content.`,
            `input[${i}].output`,
          );
    }
    case "reasoning": {
      const id = String(item.id ?? "");
      if (typeof item.encrypted_content !== "string") {
        return store
          ? null
          : problem(
              `Item with id '${id}' not found. Items are not persisted when store is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
              "input",
            );
      }
      if (item.encrypted_content !== encryptedContentFor(id, summaryTexts(item.summary))) {
        return problem(
          `The encrypted content for item ${id} could not be verified.`,
          null,
          "invalid_encrypted_content",
        );
      }
      if (
        !isObject(next) ||
        !OUTPUT_ITEM_TYPES.has(String(itemType(next))) ||
        (itemType(next) === "message" && next.role !== "assistant")
      ) {
        return problem(`Item '${id}' of type 'reasoning' was provided without its required following item.`, "input");
      }
      return null;
    }
    default:
      return problem(`Invalid value for 'input[${i}].type': ${JSON.stringify(type)}.`, `input[${i}].type`);
  }
}

/** Every call answered by an output after it, every output answering a call before it. */
function checkPairing(items: Json[]): ResponsesRequestProblem | null {
  const calls = new Set<string>();
  const answered = new Set<string>();
  for (const item of items) {
    if (item.type === "function_call") calls.add(String(item.call_id));
    if (item.type !== "function_call_output") continue;
    const id = String(item.call_id);
    if (!calls.has(id)) return problem(`No tool call found for function call output with call_id ${id}.`, "input");
    answered.add(id);
  }
  for (const id of calls) {
    if (!answered.has(id)) return problem(`No tool output found for function call ${id}.`, "input");
  }
  return null;
}

/**
 * Checks a Responses request the way OpenAI does before any model runs: `null` when it would be
 * accepted, else the 400 the API answers (its message, `param` and `code`).
 */
export function findResponsesRequestProblem(body: unknown): ResponsesRequestProblem | null {
  if (!isObject(body)) return problem("We could not parse the JSON body of your request.", null);
  if (typeof body.model !== "string" || body.model === "")
    return problem("You must provide a model parameter.", "model");
  const tools = checkTools(body);
  if (tools) return tools;
  if (typeof body.input === "string") return null;
  if (!Array.isArray(body.input)) return problem("Missing required parameter: 'input'.", "input");
  const items: Json[] = [];
  for (const [i, item] of body.input.entries()) {
    if (!isObject(item)) return problem(`Invalid type for 'input[${i}]': expected an object.`, `input[${i}]`);
    const found = checkItem(item, i, body.input[i + 1], body.store !== false);
    if (found) return found;
    items.push(item);
  }
  return checkPairing(items);
}
