import type { JsonCompletenessScanner } from "./json-scanner.js";

/** Fragments per block: bounds the rope built by `+=` before it is flattened. */
const BLOCK_FRAGMENTS = 1024;

/**
 * Append-only argument text, with the lexical scanner that watches it.
 *
 * Fragments are appended with `+=` (V8 builds a rope in constant time per fragment) and every
 * BLOCK_FRAGMENTS fragments the rope is sealed into a block. The scanner is fed lazily: one tight
 * loop over the block when it is sealed, which also flattens the rope, so memory stays near the
 * text size. Only a caller that asks for the scanner state (`scanned()`) makes it scan earlier;
 * from then on that buffer scans each fragment as it arrives, so no text is ever scanned twice
 * or re-flattened per fragment. Either way the total work is linear.
 */
export class ArgumentBuffer {
  private blocks: string[] = [];
  private tail = "";
  private tailFragments = 0;
  /** Characters of `tail` the scanner has already seen. */
  private scannedChars = 0;
  /** Someone reads the scanner state: scan every fragment on arrival. */
  private eager = false;
  /** Characters in `blocks`. */
  private sealedChars = 0;

  constructor(private readonly scanner: JsonCompletenessScanner) {}

  append(text: string): void {
    this.tail += text;
    if (this.eager) {
      this.scanner.feed(text, 0);
      this.scannedChars += text.length;
    }
    if (++this.tailFragments === BLOCK_FRAGMENTS) this.seal();
  }

  get length(): number {
    return this.sealedChars + this.tail.length;
  }

  /** The scanner, fed with every character appended so far. */
  scanned(): JsonCompletenessScanner {
    this.eager = true;
    if (this.scannedChars < this.tail.length) {
      this.scanner.feed(this.tail, this.scannedChars);
      this.scannedChars = this.tail.length;
    }
    return this.scanner;
  }

  /** The whole text as one flat string; the buffer is compacted so a later call does not join again. */
  text(): string {
    if (this.tail.length > 0) this.seal();
    if (this.blocks.length !== 1) this.blocks = [this.blocks.join("")];
    return this.blocks[0] ?? "";
  }

  /** Drops the text once the call has ended; only the length and the scanner state are kept. */
  release(): void {
    this.scanned();
    this.sealedChars += this.tail.length;
    this.blocks = [];
    this.tail = "";
    this.tailFragments = 0;
    this.scannedChars = 0;
  }

  private seal(): void {
    const block = this.tail;
    // Reading a rope makes V8 flatten it in place (1 byte per character instead of a 32-byte node
    // per fragment); when the scanner is already up to date, one read does that.
    if (this.scannedChars < block.length) this.scanner.feed(block, this.scannedChars);
    else if (block.length > 0) block.charCodeAt(0);
    this.blocks.push(block);
    this.sealedChars += block.length;
    this.tail = "";
    this.tailFragments = 0;
    this.scannedChars = 0;
  }
}
