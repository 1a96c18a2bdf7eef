import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { nativeToolFields } from "@parallel-tool-calls/provider-helpers/internal";
import { convertToResponsesInput } from "../history/convert-to-responses-input.js";
import type { ResponsesRequestBody } from "./responses-request-body.js";
import { toResponsesTools } from "./responses-tools.js";

/** What one request is built from. */
export interface ResponsesBodyInput {
  settings: ProviderSettings;
  modelId: string;
  systemPrompt: string;
  messages: readonly MessageParam[];
  metadata: ApiHandlerCreateMessageMetadata;
}

/**
 * The whole body of one stateless streaming request: `store: false` with the encrypted reasoning
 * included (it comes back in the history), the system prompt as `instructions`, and the tools with
 * `tool_choice: "auto"` and `parallel_tool_calls` (the switch) together or not at all.
 */
export function buildResponsesBody(input: ResponsesBodyInput): ResponsesRequestBody {
  const { settings, metadata } = input;
  const body: ResponsesRequestBody = {
    model: input.modelId,
    input: convertToResponsesInput(input.messages),
    stream: true,
    store: false,
    include: ["reasoning.encrypted_content"],
  };
  if (input.systemPrompt !== "") body.instructions = input.systemPrompt;
  const tools = nativeToolFields(settings, metadata);
  if (tools) {
    body.tools = toResponsesTools(tools.tools);
    body.tool_choice = "auto";
    body.parallel_tool_calls = tools.parallel_tool_calls;
  }
  if (settings.reasoningEffort) body.reasoning = { effort: settings.reasoningEffort, summary: "auto" };
  const maxTokens = settings.modelMaxTokens;
  if (typeof maxTokens === "number" && Number.isFinite(maxTokens) && maxTokens > 0) {
    body.max_output_tokens = Math.floor(maxTokens);
  }
  return body;
}
