/** Lines of a tool answer, bounded in count and in UTF-8 bytes; notes say why it stopped. */
export class BoundedLines {
  readonly lines: string[] = [];
  private bytes = 0;
  /** Set once a line was refused. */
  stopped?: "count" | "bytes";

  constructor(
    private readonly maxLines: number,
    private readonly maxBytes: number,
  ) {}

  /** Adds a line, or returns false (and sets `stopped`) when it would cross a bound. */
  push(line: string): boolean {
    if (this.lines.length >= this.maxLines) {
      this.stopped = "count";
      return false;
    }
    const size = Buffer.byteLength(line) + (this.lines.length > 0 ? 1 : 0);
    if (this.bytes + size > this.maxBytes) {
      this.stopped = "bytes";
      return false;
    }
    this.lines.push(line);
    this.bytes += size;
    return true;
  }

  /** The lines (or `empty` when there are none), then each note in parentheses on its own line. */
  render(notes: string[], empty: string): string {
    const body = this.lines.length === 0 ? [empty] : this.lines;
    return [...body, ...notes.map((note) => `(${note})`)].join("\n");
  }
}
