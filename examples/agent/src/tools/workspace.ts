import { existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fsFailure } from "./fs-failure.js";
import { showInput } from "./show-path.js";
import { WorkspaceError } from "./workspace-error.js";

/** A path inside the workspace: the real absolute path and its workspace-relative spelling. */
export interface WorkspacePath {
  absolute: string;
  relative: string;
}

/**
 * How an opened descriptor's location is verified: `proc-fd` reads `/proc/self/fd/<fd>` (Linux,
 * exact); `realpath` re-resolves the path and requires the same device and inode (elsewhere).
 */
export type DescriptorCheck = "proc-fd" | "realpath";

export interface WorkspaceOptions {
  /** Defaults to `proc-fd` where `/proc/self/fd` exists, else `realpath`. */
  descriptorCheck?: DescriptorCheck;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

export function defaultDescriptorCheck(): DescriptorCheck {
  return process.platform === "linux" && existsSync("/proc/self/fd") ? "proc-fd" : "realpath";
}

/**
 * The directory the tools may read. A model-supplied path is checked lexically (so `../x` is refused
 * even when it does not exist) and after following symlinks (so a link pointing out is refused with a
 * clear error); the tools then open it and verify the opened descriptor itself (`openInside`), which
 * is what holds when the workspace changes between the check and the use.
 */
export class Workspace {
  private constructor(
    readonly root: string,
    readonly descriptorCheck: DescriptorCheck,
  ) {}

  static async open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    let real: string;
    try {
      real = await realpath(resolve(root));
    } catch {
      throw new WorkspaceError("NOT_FOUND", `workspace directory not found: ${root}`, root);
    }
    if (!(await stat(real)).isDirectory()) {
      throw new WorkspaceError("NOT_A_DIRECTORY", `workspace is not a directory: ${root}`, root);
    }
    return new Workspace(real, options.descriptorCheck ?? defaultDescriptorCheck());
  }

  /** Resolves a model-supplied path (relative to the root, or absolute inside it) to a real path inside. */
  async resolve(path: string): Promise<WorkspacePath> {
    if (typeof path !== "string" || path.includes("\0")) {
      throw new WorkspaceError("INVALID_PATH", "invalid path (it contains a NUL byte)", showInput(String(path)));
    }
    const candidate = resolve(this.root, path === "" ? "." : path);
    if (!isInside(this.root, candidate)) throw this.outside(showInput(path));
    // From here on, messages name the path relative to the workspace, never the host's absolute path.
    const shown = showInput(this.relativeOf(candidate));
    let real: string;
    try {
      real = await realpath(candidate);
    } catch (error) {
      throw fsFailure(error, shown);
    }
    if (!isInside(this.root, real)) throw this.outside(shown);
    return { absolute: real, relative: this.relativeOf(real) };
  }

  /** True when `absolute` (already real) lies inside the workspace. */
  contains(absolute: string): boolean {
    return isInside(this.root, absolute);
  }

  relativeOf(absolute: string): string {
    return toPosix(relative(this.root, absolute)) || ".";
  }

  private outside(shown: string): WorkspaceError {
    return new WorkspaceError("OUTSIDE_WORKSPACE", `path is outside the workspace and was refused: ${shown}`, shown);
  }
}
