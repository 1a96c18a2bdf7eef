/**
 * Every bound the workspace tools enforce, with its default. Hitting one gives a typed error or a
 * marked, partial answer — never a hang and never an unbounded string.
 */
export interface WorkspaceLimits {
  /** Largest file `read_file` returns and `search_files` searches (bytes). */
  maxReadBytes: number;
  /** Entries `list_files` shows before it stops. */
  maxListedEntries: number;
  /** Matches `search_files` shows before it stops. */
  maxSearchMatches: number;
  /** Bytes of `list_files` / `search_files` output before it stops (UTF-8, notes excluded). */
  maxOutputBytes: number;
  /** Characters of a matching line shown in a search result. */
  maxShownLineChars: number;
  /** Directory entries one `list_files` / `search_files` call may visit. */
  maxVisitedEntries: number;
  /** Directory levels below the starting directory that a recursive walk descends. */
  maxDepth: number;
  /** Longest `regex` accepted (characters). */
  maxRegexChars: number;
  /** Largest compiled regex accepted (RE2 program size, a measure of its matching cost per character). */
  maxRegexProgramSize: number;
  /** Longest `file_pattern` accepted (characters). */
  maxGlobChars: number;
  /**
   * Matching work per line, in program size × characters: a longer line is searched in its first
   * `floor(budget / programSize)` characters, and the answer says so. Keeps one line to a few ms.
   */
  maxLineWork: number;
  /** Wall-clock budget of one `list_files` / `search_files` call (ms); the answer is then partial. */
  timeBudgetMs: number;
  /** Longest stretch of synchronous work before yielding to the event loop (ms). */
  sliceMs: number;
}

export const DEFAULT_WORKSPACE_LIMITS: Readonly<WorkspaceLimits> = Object.freeze({
  maxReadBytes: 256 * 1024,
  maxListedEntries: 500,
  maxSearchMatches: 200,
  maxOutputBytes: 32 * 1024,
  maxShownLineChars: 200,
  maxVisitedEntries: 20_000,
  maxDepth: 32,
  maxRegexChars: 1000,
  maxRegexProgramSize: 5000,
  maxGlobChars: 256,
  maxLineWork: 4_000_000,
  timeBudgetMs: 10_000,
  sliceMs: 10,
});

export function resolveLimits(overrides: Partial<WorkspaceLimits> = {}): WorkspaceLimits {
  return { ...DEFAULT_WORKSPACE_LIMITS, ...overrides };
}

/** What every tool function takes besides its input: the call's abort signal and any limit overrides. */
export interface ToolRunOptions {
  signal?: AbortSignal;
  limits?: Partial<WorkspaceLimits>;
}

export const MAX_READ_BYTES = DEFAULT_WORKSPACE_LIMITS.maxReadBytes;
export const MAX_LISTED_ENTRIES = DEFAULT_WORKSPACE_LIMITS.maxListedEntries;
export const MAX_SEARCH_MATCHES = DEFAULT_WORKSPACE_LIMITS.maxSearchMatches;
