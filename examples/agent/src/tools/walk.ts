import type { Dirent, Stats } from "node:fs";
import { lstat, stat } from "node:fs/promises";
import type { WorkspaceLimits } from "./limits.js";
import { openInside } from "./open-inside.js";
import { OpenedDirectory } from "./opened-directory.js";
import type { Pacer } from "./pacer.js";
import type { Workspace } from "./workspace.js";

const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export type EntryKind = "file" | "directory" | "special";

export interface WalkEntry {
  /** Workspace-relative path as listed (a link's own name for symlinks). */
  relative: string;
  /** `special` is a FIFO, socket or device: listed, never read. */
  kind: EntryKind;
  /** Listed as a symlink that stays inside; open it following the link. */
  viaLink: boolean;
  /** What to hand to `openInside` for this entry; valid until the walk moves on. */
  openPath: string;
}

/** Why a walk stopped before the end, if it did. */
export interface WalkState {
  visited: number;
  stopped?: "visited" | "time";
}

export interface WalkOptions {
  recursive: boolean;
  limits: WorkspaceLimits;
  pacer: Pacer;
  state: WalkState;
}

function kindOf(entry: Dirent | Stats): EntryKind | "link" | undefined {
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  if (entry.isSymbolicLink()) return "link";
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) return "special";
  return undefined;
}

/** A link is listed only when it stays inside and leads to a file or directory; otherwise it is left out. */
async function followLink(workspace: Workspace, path: string, relative: string): Promise<EntryKind | undefined> {
  try {
    const target = await stat(path);
    if (!target.isFile() && !target.isDirectory()) return undefined;
    const expect = target.isDirectory() ? "directory" : "file";
    const opened = await openInside(workspace, { path, expect, followLink: true, shown: relative });
    await opened.handle.close();
    return expect;
  } catch {
    return undefined;
  }
}

/**
 * Lists an opened directory in sorted order, optionally recursively, opening every subdirectory
 * through its parent's descriptor without following links. Symlinked directories are listed but not
 * descended into, which rules out cycles without tracking visited inodes. Stops (and says why in
 * `state`) at the entry or time budget; entries that change while being walked are left out.
 */
export async function* walk(
  workspace: Workspace,
  dir: OpenedDirectory,
  options: WalkOptions,
  depth = 0,
): AsyncGenerator<WalkEntry> {
  const { limits, pacer, state } = options;
  const entries = (await dir.list()).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    await pacer.step();
    if (state.visited >= limits.maxVisitedEntries) state.stopped ??= "visited";
    else if (pacer.expired) state.stopped ??= "time";
    if (state.stopped) return;
    state.visited++;
    const relative = dir.childRelative(entry.name);
    const openPath = dir.childPath(entry.name);
    let kind = kindOf(entry);
    if (kind === undefined) kind = kindOf(await lstat(openPath).catch(() => entry));
    if (kind === undefined) continue;
    if (kind === "link") {
      const target = await followLink(workspace, openPath, relative);
      if (target) yield { relative, kind: target, viaLink: true, openPath };
      continue;
    }
    if (kind === "directory" && SKIPPED_DIRS.has(entry.name)) continue;
    yield { relative, kind, viaLink: false, openPath };
    if (kind !== "directory" || !options.recursive || depth + 1 >= limits.maxDepth) continue;
    let child: OpenedDirectory;
    try {
      const opened = await openInside(workspace, {
        path: openPath,
        expect: "directory",
        followLink: false,
        shown: relative,
      });
      child = new OpenedDirectory(workspace, opened, relative);
    } catch {
      continue; // swapped for a link or removed since it was listed
    }
    try {
      yield* walk(workspace, child, options, depth + 1);
    } catch (error) {
      if ((error as { code?: string }).code === "ABORTED") throw error;
      // a subdirectory that cannot be listed any more is left out
    } finally {
      await child.close();
    }
    if (state.stopped) return;
  }
}
