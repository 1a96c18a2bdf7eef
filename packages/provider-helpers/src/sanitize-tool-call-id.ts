/**
 * Makes a tool-call id safe for providers that require `^[a-zA-Z0-9_-]+$` (ids like
 * `functions.read_file:0` are common). Applied to both the call and its result so they still match.
 */
export function sanitizeToolCallId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, "_");
}
