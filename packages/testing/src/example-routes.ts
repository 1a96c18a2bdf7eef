import { claudeModel } from "./anthropic/claude-model.js";
import { exampleModel } from "./example-model.js";
import type { RecordedRequest, ScriptedResponse, ScriptHandler } from "./types.js";

/**
 * The example model on every route of the server: Chat Completions as {@link exampleModel}, the
 * Messages API as the same model played by {@link claudeModel}. One per server (it keeps a prompt cache).
 */
export function exampleRoutes(): ScriptHandler {
  const claude = claudeModel(exampleModel);
  return (request: RecordedRequest): ScriptedResponse | Promise<ScriptedResponse> =>
    request.path === "/v1/messages" ? claude(request) : exampleModel(request);
}
