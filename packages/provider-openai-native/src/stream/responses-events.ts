/**
 * The streamed events this package reads, loosely typed as servers really send them: fields may be
 * missing (older recordings have no `sequence_number`; some hosts rotate `item_id`), so every
 * field is optional and checked where it is used.
 */
export interface ResponsesStreamEvent {
  type?: unknown;
  output_index?: unknown;
  item_id?: unknown;
  summary_index?: unknown;
  content_index?: unknown;
  delta?: unknown;
  text?: unknown;
  arguments?: unknown;
  item?: unknown;
  response?: unknown;
  /** The bare `error` event: `{code, message}` at the top level, or nested in `error`. */
  error?: unknown;
  code?: unknown;
  message?: unknown;
}

/** The events after which a response is over, one way or another. */
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set([
  "response.completed",
  "response.incomplete",
  "response.failed",
  "error",
]);

/** Whether a parsed payload ends the response (for the reader's completeness check). */
export function isTerminalEvent(payload: unknown): boolean {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === "string" && TERMINAL_EVENTS.has(type);
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}
