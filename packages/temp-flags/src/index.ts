/**
 * Temporary feature switches, each revertible by editing exactly one line.
 *
 * `PARALLEL_TOOL_CALLS` lets the model emit several native tool calls in one assistant turn
 * (`parallel_tool_calls` on every request that carries tools). Execution stays sequential either
 * way. Every package reads the value from here; nothing else in the repository writes it, so
 * flipping this line to `false` (plus a changeset and a release) reverts the whole feature.
 */
export const PARALLEL_TOOL_CALLS: boolean = true; // kilocode_temp_parallel_tool_calls
