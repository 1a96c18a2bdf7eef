import type {
  ApiHandlerCreateMessageMetadata,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { addCacheBreakpoints } from "../history/cache-breakpoints.js";
import { convertToAnthropicMessages } from "../history/convert-to-anthropic-messages.js";
import type { AnthropicTool, AnthropicToolChoice, MessagesRequestBody } from "../wire-types.js";
import { DEFAULT_MAX_TOKENS, MIN_THINKING_BUDGET } from "./defaults.js";

/** What one request body is built from. */
export interface MessagesBodyInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata: ApiHandlerCreateMessageMetadata;
}

function positive(value: number | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

function toAnthropicTool(tool: ChatCompletionTool): AnthropicTool {
  const fn = tool.function;
  return {
    name: fn.name,
    ...(fn.description ? { description: fn.description } : {}),
    input_schema: fn.parameters ?? { type: "object", properties: {} },
  };
}

/** The switch in this protocol's form: `disable_parallel_tool_use` is its negation. */
function toolChoiceOf(choice: ChatCompletionToolChoiceOption | undefined, parallel: boolean): AnthropicToolChoice {
  const disable_parallel_tool_use = !parallel;
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any", disable_parallel_tool_use };
  if (typeof choice === "object") return { type: "tool", name: choice.function.name, disable_parallel_tool_use };
  return { type: "auto", disable_parallel_tool_use };
}

/** `max_tokens` and the thinking budget: on when `modelMaxThinkingTokens` is set, always below `max_tokens`. */
export function tokenLimits(settings: ProviderSettings): { maxTokens: number; thinkingBudget?: number } {
  const maxTokens = positive(settings.modelMaxTokens) ?? DEFAULT_MAX_TOKENS;
  const thinking = positive(settings.modelMaxThinkingTokens);
  if (thinking === undefined) return { maxTokens };
  const thinkingBudget = Math.max(MIN_THINKING_BUDGET, thinking);
  return { maxTokens: Math.max(maxTokens, thinkingBudget + 1), thinkingBudget };
}

/**
 * The body of one streaming Messages request. Tools go with `tool_choice` (by default `auto`) whose
 * `disable_parallel_tool_use` is `!parallelToolCalls` (the flag when the metadata leaves it out);
 * without tools there is no `tool_choice`. The system prompt and the history get prompt-cache
 * breakpoints; thinking is on when the settings give it a budget (then no temperature is sent, as
 * the API requires).
 */
export function buildMessagesRequestBody(input: MessagesBodyInput): MessagesRequestBody {
  const { settings, metadata } = input;
  const { maxTokens, thinkingBudget } = tokenLimits(settings);
  const messages = convertToAnthropicMessages(input.messages);
  addCacheBreakpoints(messages);
  const body: MessagesRequestBody = { model: input.modelId, max_tokens: maxTokens, messages, stream: true };
  if (input.systemPrompt !== "") {
    body.system = [{ type: "text", text: input.systemPrompt, cache_control: { type: "ephemeral" } }];
  }
  const tools = metadata.tools ?? [];
  if (tools.length > 0) {
    body.tools = tools.map(toAnthropicTool);
    body.tool_choice = toolChoiceOf(metadata.tool_choice, metadata.parallelToolCalls ?? PARALLEL_TOOL_CALLS);
  }
  if (thinkingBudget !== undefined) {
    body.thinking = { type: "enabled", budget_tokens: thinkingBudget };
  } else if (typeof settings.modelTemperature === "number") {
    body.temperature = settings.modelTemperature;
  }
  return body;
}
