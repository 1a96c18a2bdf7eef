import type { ApiStreamProviderBlockChunk } from "@parallel-tool-calls/core-metadata";

/** The `protocol` of the `provider_data` blocks this package yields and alone sends back. */
export const RESPONSES_PROTOCOL = "openai-responses";

/** A reasoning item from `response.output_item.done`, kept whole for the next request. */
export function reasoningBlock(item: Record<string, unknown>): ApiStreamProviderBlockChunk {
  return { type: "provider_block", block: { type: "provider_data", protocol: RESPONSES_PROTOCOL, data: item } };
}
