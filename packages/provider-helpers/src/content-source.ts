import type { ApiStreamReasoningChunk, ApiStreamTextChunk } from "@parallel-tool-calls/core-metadata";
import { type ContentPiece, readContentParts } from "./content-parts.js";
import { ThinkTagSplitter } from "./think-tag-splitter.js";

type ContentChunk = ApiStreamTextChunk | ApiStreamReasoningChunk;

function toChunk(piece: ContentPiece): ContentChunk {
  return { type: piece.kind, text: piece.text };
}

/**
 * Per-stream reader of `delta.content`: typed parts (see {@link readContentParts}) and, unless
 * turned off, a leading `<think>…</think>` block moved to reasoning (see {@link ThinkTagSplitter}).
 */
export class ContentSource {
  private readonly splitter: ThinkTagSplitter | undefined;

  constructor(splitThinkTags = true) {
    this.splitter = splitThinkTags ? new ThinkTagSplitter() : undefined;
  }

  *read(content: unknown): Generator<ContentChunk> {
    for (const piece of readContentParts(content)) {
      if (piece.kind === "text" && this.splitter) yield* this.splitter.push(piece.text).map(toChunk);
      else yield toChunk(piece);
    }
  }

  /** Whatever a split tag still holds back when the stream ends. */
  *flush(): Generator<ContentChunk> {
    if (this.splitter) yield* this.splitter.flush().map(toChunk);
  }
}
