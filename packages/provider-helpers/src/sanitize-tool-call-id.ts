/**
 * Makes a tool-call id safe for providers that require `^[a-zA-Z0-9_-]+$` (ids like
 * `functions.read_file:0` are common).
 *
 * @deprecated Not collision-free (`call.1` and `call:1` both become `call_1`); the converter uses
 * {@link ToolCallIdMap}, which maps a whole conversation without collisions.
 */
export function sanitizeToolCallId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, "_");
}
