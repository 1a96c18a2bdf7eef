import { McpToolsError } from "./errors.js";

/** Every wait and size an MCP tool set bounds, with its default. */
export interface McpLimits {
  /** Start, `initialize` and the first `tools/list` of one server (ms). Default 30,000. */
  connectTimeoutMs: number;
  /** Longest silence of a call: no answer and no progress notification (ms). Default 60,000. */
  callTimeoutMs: number;
  /** Longest a call may take whatever progress it reports (ms). Default 600,000 (10 minutes). */
  maxCallTimeoutMs: number;
  /** UTF-8 bytes of a result's text before it is cut with a note. Default 32 KiB. */
  maxResultBytes: number;
  /** Bytes of images (decoded) one result keeps; further images become a note. Default 5 MiB. */
  maxImageBytes: number;
  /** Largest message a stdio server may send; beyond it the connection is closed. Default 10 MiB. */
  maxMessageBytes: number;
  /** Bytes of the server's stderr kept for error messages (the last ones). Default 4 KiB. */
  maxStderrBytes: number;
}

/** The defaults of {@link McpLimits}. */
export const DEFAULT_MCP_LIMITS: Readonly<McpLimits> = Object.freeze({
  connectTimeoutMs: 30_000,
  callTimeoutMs: 60_000,
  maxCallTimeoutMs: 600_000,
  maxResultBytes: 32 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  maxMessageBytes: 10 * 1024 * 1024,
  maxStderrBytes: 4 * 1024,
});

/** `base` with `overrides` applied; a bound that is not a positive number is an `invalid_config` error. */
export function resolveLimits(base: McpLimits, overrides: Partial<McpLimits> | undefined, server: string): McpLimits {
  const limits: McpLimits = { ...base };
  for (const key of Object.keys(limits) as (keyof McpLimits)[]) {
    const value = overrides?.[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new McpToolsError({
        code: "invalid_config",
        message: `MCP server "${server}": ${key} must be a positive number, got ${JSON.stringify(value)}.`,
        server,
      });
    }
    limits[key] = value;
  }
  return limits;
}
