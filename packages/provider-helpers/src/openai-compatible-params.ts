import type { ChatRequestBody } from "./chat-request-body.js";
import { buildChatRequestBody, type ChatBodyInput } from "./chat-request-builder.js";

/** The streaming request body of an OpenAI-compatible server: the shared body plus `reasoning_effort`. */
export function buildOpenAICompatibleParams(input: ChatBodyInput): ChatRequestBody {
  const effort = input.settings.reasoningEffort;
  return buildChatRequestBody({
    ...input,
    route: "direct",
    ...(effort ? { extras: { reasoning_effort: effort } } : {}),
  });
}
