function fnv32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The signature this server issues for a thinking block: bound to its exact text (like Anthropic's,
 * it fails once the thinking is changed), stateless so that any request can be checked.
 */
export function thinkingSignatureFor(thinking: string): string {
  return `sig_${fnv32(thinking)}${fnv32(`${thinking}\u0001`)}`;
}
