import type OpenAI from "openai";
import { _iterSSEMessages } from "openai/core/streaming";

/**
 * The parsed `data:` payloads of a streaming Chat Completions response, up to `[DONE]`.
 *
 * Unlike the SDK's own stream iterator, a chunk with a top-level `error` is handed on instead of
 * being thrown: OpenRouter's in-stream error chunk also carries the request's `usage` and `cost`,
 * which the SDK would drop; `mapChunkStream` yields that usage and then throws the typed error.
 * The request still goes through the SDK (headers, retries, timeout, HTTP errors); only the body
 * of a 2xx answer is read here, with the SDK's SSE decoder. A payload that is not JSON throws a
 * `SyntaxError` (nothing is logged: the line may hold anything).
 */
export async function* chatChunksOf(response: Response): AsyncGenerator<unknown> {
  let done = false;
  for await (const event of _iterSSEMessages(response, new AbortController())) {
    if (done) continue; // read to the end, ignoring anything after [DONE]
    if (event.data.startsWith("[DONE]")) {
      done = true;
      continue;
    }
    yield JSON.parse(event.data);
  }
}

/** Sends the request through the SDK and returns the body's chunks (HTTP errors throw as usual). */
export async function openChatChunks(
  client: OpenAI,
  body: OpenAI.ChatCompletionCreateParamsStreaming,
  requestOptions: OpenAI.RequestOptions,
): Promise<AsyncIterable<unknown>> {
  const response = await client.chat.completions.create(body, requestOptions).asResponse();
  return chatChunksOf(response);
}
