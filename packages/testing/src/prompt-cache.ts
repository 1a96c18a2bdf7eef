type Json = Record<string, unknown>;

// Anthropic looks back this many blocks from a breakpoint for an earlier cached prefix.
const LOOKBACK_BLOCKS = 20;

function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** A request's content as Anthropic caches it: a flat list of blocks, each with its breakpoint flag. */
function blocksOf(messages: unknown[]): Array<{ key: string; breakpoint: boolean }> {
  const blocks: Array<{ key: string; breakpoint: boolean }> = [];
  for (const raw of messages) {
    const message = (raw ?? {}) as Json;
    const role = String(message.role);
    const parts = Array.isArray(message.content) ? message.content : [message.content ?? ""];
    for (const part of parts) {
      const block: Json = typeof part === "object" && part !== null ? (part as Json) : { text: part };
      const { cache_control, ...rest } = block;
      blocks.push({ key: `${role}:${JSON.stringify(rest)}`, breakpoint: cache_control !== undefined });
    }
    if (Array.isArray(message.tool_calls))
      blocks.push({ key: `calls:${JSON.stringify(message.tool_calls)}`, breakpoint: false });
  }
  return blocks;
}

/**
 * Prompt caching the way Anthropic does it (behind OpenRouter): a request writes the prefix ending at
 * each `cache_control` breakpoint; a later request reads the longest written prefix that ends at or
 * up to 20 blocks before one of its own breakpoints. Without breakpoints nothing is read or written.
 * Tokens are counted as four characters each.
 */
export class PromptCache {
  readonly #written = new Set<string>();

  /** Usage details for one request, updating the cache. */
  use(messages: unknown[]): { cached_tokens: number; cache_write_tokens: number } {
    const blocks = blocksOf(messages);
    const prefixes: string[] = [];
    const sizes: number[] = [];
    let text = "";
    for (const block of blocks) {
      text += `${block.key}\n`;
      prefixes.push(text);
      sizes.push(tokens(text.length));
    }
    let cached = 0;
    blocks.forEach((block, at) => {
      if (!block.breakpoint) return;
      for (let j = at; j >= Math.max(0, at - LOOKBACK_BLOCKS); j--) {
        if (this.#written.has(prefixes[j] as string)) {
          cached = Math.max(cached, sizes[j] as number);
          break;
        }
      }
    });
    let written = 0;
    blocks.forEach((block, at) => {
      if (!block.breakpoint) return;
      this.#written.add(prefixes[at] as string);
      written = Math.max(written, sizes[at] as number);
    });
    return { cached_tokens: cached, cache_write_tokens: Math.max(0, written - cached) };
  }
}
