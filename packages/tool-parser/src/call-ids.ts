const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random `call_…` id for calls the wire sent without one (random, so ids never repeat across turns). */
export function randomCallId(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let id = "call_";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** Hands out ids unique within one response, even when the wire or the generator repeats one. */
export class UniqueIds {
  private readonly used = new Set<string>();

  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.used.has(id); n++) id = `${wanted}_${n}`;
    this.used.add(id);
    return id;
  }
}
