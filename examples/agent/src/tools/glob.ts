import picomatch from "picomatch";
import type { WorkspaceLimits } from "./limits.js";
import { compileLinear } from "./linear-regex.js";
import { WorkspaceError } from "./workspace-error.js";

// picomatch guards segments with lookarounds so that a wildcard never matches `.`, `..` or an empty
// segment. RE2 has no lookaround; walked paths never contain such segments, so dropping exactly these
// guards changes no result. Any other lookaround left in the source fails to compile: INVALID_GLOB.
const SEGMENT_GUARDS = ["(?!(?:^|\\/)\\.{1,2}(?:\\/|$))", "(?!\\.{1,2}(?:\\/|$))", "(?!\\.{0,1}(?:\\/|$))", "(?=.)"];

const GLOB_OPTIONS: picomatch.PicomatchOptions = {
  dot: true, // like the shell with dotglob: `*` matches `.env`
  noextglob: true, // `+(a|b)` and friends are the classic glob ReDoS vector; not needed for file filters
  nonegate: true, // a leading `!` is literal
  posix: true, // `[!ab]` negates and `[[:alpha:]]` is a class, as in the shell
  windows: false, // workspace-relative paths always use `/`
};

/**
 * Compiles a file glob: picomatch translates it (`*`, `?`, `**`, `[...]`, `{a,b}`), RE2 runs it, so
 * matching is linear in the path whatever the pattern. A pattern without `/` matches the base name.
 */
export function compileGlob(pattern: string, limits: WorkspaceLimits): (relativePath: string) => boolean {
  if (pattern.length > limits.maxGlobChars) {
    throw new WorkspaceError(
      "INVALID_GLOB",
      `file_pattern is ${pattern.length} characters, more than the ${limits.maxGlobChars}-character limit`,
    );
  }
  let source: string;
  try {
    source = picomatch.makeRe(pattern, GLOB_OPTIONS).source;
  } catch {
    throw new WorkspaceError("INVALID_GLOB", "invalid file_pattern: picomatch cannot parse it");
  }
  for (const guard of SEGMENT_GUARDS) source = source.split(guard).join("");
  const regex = compileLinear(source, limits, "INVALID_GLOB", "file_pattern (unsupported glob syntax)");
  const byBaseName = !pattern.includes("/");
  return (relativePath) =>
    regex.test(byBaseName ? relativePath.slice(relativePath.lastIndexOf("/") + 1) : relativePath);
}
