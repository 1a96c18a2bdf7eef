import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { WorkspaceError } from "./workspace-error.js";

/** A path inside the workspace: the real absolute path and its workspace-relative spelling. */
export interface WorkspacePath {
  absolute: string;
  relative: string;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/**
 * The directory the tools may read. Every path is checked twice: lexically (so `../x` is refused
 * even when it does not exist) and after following symlinks (so a link pointing out is refused too).
 */
export class Workspace {
  private constructor(readonly root: string) {}

  static async open(root: string): Promise<Workspace> {
    let real: string;
    try {
      real = await realpath(resolve(root));
    } catch {
      throw new WorkspaceError("NOT_FOUND", `workspace directory not found: ${root}`, root);
    }
    if (!(await stat(real)).isDirectory()) {
      throw new WorkspaceError("NOT_A_DIRECTORY", `workspace is not a directory: ${root}`, root);
    }
    return new Workspace(real);
  }

  /** Resolves a model-supplied path (relative to the root, or absolute inside it) to a real path inside. */
  async resolve(path: string): Promise<WorkspacePath> {
    if (typeof path !== "string" || path.includes("\0")) {
      throw new WorkspaceError("INVALID_PATH", "invalid path", String(path));
    }
    const candidate = resolve(this.root, path === "" ? "." : path);
    if (!isInside(this.root, candidate)) throw this.outside(path);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        throw new WorkspaceError("NOT_FOUND", `no such file or directory: ${path}`, path);
      }
      throw error;
    }
    if (!isInside(this.root, real)) throw this.outside(path);
    return { absolute: real, relative: toPosix(relative(this.root, real)) || "." };
  }

  /** True when `absolute` (already real) lies inside the workspace. */
  contains(absolute: string): boolean {
    return isInside(this.root, absolute);
  }

  relativeOf(absolute: string): string {
    return toPosix(relative(this.root, absolute)) || ".";
  }

  private outside(path: string): WorkspaceError {
    return new WorkspaceError("OUTSIDE_WORKSPACE", `path is outside the workspace and was refused: ${path}`, path);
  }
}
