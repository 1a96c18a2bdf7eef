import { RE2JS } from "re2js";
import type { WorkspaceLimits } from "./limits.js";
import { oneLine } from "./show-path.js";
import { WorkspaceError } from "./workspace-error.js";

/** A compiled pattern that matches in time linear in the input (RE2 semantics, no backtracking). */
export interface LinearRegex {
  test(text: string): boolean;
  /** RE2's measure of the per-character matching cost. */
  readonly programSize: number;
}

/**
 * Compiles `source` with RE2JS. What RE2 cannot run in linear time (lookaround, backreferences) is a
 * syntax error there, reported as `code`; so are patterns over the length or program-size limit.
 */
export function compileLinear(
  source: string,
  limits: Pick<WorkspaceLimits, "maxRegexProgramSize">,
  code: "INVALID_REGEX" | "INVALID_GLOB",
  what: string,
): LinearRegex {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new WorkspaceError(code, `invalid ${what}: ${reason}`);
  }
  const programSize = compiled.programSize();
  if (programSize > limits.maxRegexProgramSize) {
    throw new WorkspaceError(
      code,
      `${what} is too complex (RE2 program size ${programSize}, limit ${limits.maxRegexProgramSize}); use smaller repetition counts`,
    );
  }
  return { test: (text) => compiled.test(text), programSize };
}

/** The model's `regex` for `search_files`: RE2 syntax, bounded in length and cost. */
export function compileSearchRegex(source: string, limits: WorkspaceLimits): LinearRegex {
  if (source.length > limits.maxRegexChars) {
    throw new WorkspaceError(
      "INVALID_REGEX",
      `regex is ${source.length} characters, more than the ${limits.maxRegexChars}-character limit`,
    );
  }
  return compileLinear(
    source,
    limits,
    "INVALID_REGEX",
    "regular expression (RE2 syntax: no lookaround or backreferences)",
  );
}
