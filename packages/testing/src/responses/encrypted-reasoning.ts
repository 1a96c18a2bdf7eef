// The server's "encryption" of reasoning: stateless and deterministic, so that any later request
// can be checked, and bound to the item's id and summary, so that any change is detected.
function fnv32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** The `encrypted_content` this server issues for a reasoning item (long, like the real one). */
export function encryptedContentFor(id: string, summary: readonly string[]): string {
  const payload = `${id}\u0000${summary.join("\u0001")}`;
  let out = "gAAAAB";
  for (let i = 0; i < 8; i++) out += fnv32(`${i}\u0002${payload}`);
  return out;
}

/** The summary texts of a reasoning item as sent back (`[{type: "summary_text", text}]`). */
export function summaryTexts(summary: unknown): string[] {
  if (!Array.isArray(summary)) return [];
  return summary.map((part) => (typeof part?.text === "string" ? part.text : ""));
}
