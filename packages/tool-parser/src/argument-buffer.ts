/** Pending fragments are joined in blocks so that neither rope depth nor array length grows per byte. */
const BLOCK_FRAGMENTS = 1024;

/** Append-only argument text. Joining happens in blocks, so the total work stays linear. */
export class ArgumentBuffer {
  private blocks: string[] = [];
  // A fixed slot array reused for every block: no per-block reallocation.
  private pending: string[] = new Array<string>(BLOCK_FRAGMENTS).fill("");
  private count = 0;
  private size = 0;

  append(text: string): void {
    this.pending[this.count++] = text;
    this.size += text.length;
    if (this.count === BLOCK_FRAGMENTS) {
      this.blocks.push(this.pending.join(""));
      this.count = 0;
    }
  }

  get length(): number {
    return this.size;
  }

  /** The whole text as one flat string; the buffer is compacted so a later call does not join again. */
  text(): string {
    if (this.count > 0) {
      this.blocks.push(
        this.count === BLOCK_FRAGMENTS ? this.pending.join("") : this.pending.slice(0, this.count).join(""),
      );
      this.count = 0;
    }
    if (this.blocks.length !== 1) this.blocks = [this.blocks.join("")];
    return this.blocks[0] ?? "";
  }

  /** Drops the text once the call has ended; only the length is kept. */
  release(): void {
    this.blocks = [];
    this.pending = [];
    this.count = 0;
  }
}
