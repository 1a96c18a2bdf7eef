import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Workspace } from "./workspace.js";

const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export interface WalkEntry {
  /** Real absolute path (symlinks resolved). */
  absolute: string;
  /** Workspace-relative path as listed (the link's own name for symlinks). */
  relative: string;
  isDirectory: boolean;
}

async function classify(workspace: Workspace, dir: string, entry: Dirent): Promise<WalkEntry | undefined> {
  const listed = join(dir, entry.name);
  const relativePath = workspace.relativeOf(listed);
  if (!entry.isSymbolicLink()) {
    return { absolute: listed, relative: relativePath, isDirectory: entry.isDirectory() };
  }
  // A link is listed only when it stays inside; a dangling or escaping link is silently left out.
  try {
    const target = await realpath(listed);
    if (!workspace.contains(target)) return undefined;
    return { absolute: target, relative: relativePath, isDirectory: (await stat(target)).isDirectory() };
  } catch {
    return undefined;
  }
}

/**
 * Lists a directory in sorted order, optionally recursively. Symlinked directories are listed but
 * not descended into, which rules out cycles without tracking visited inodes.
 */
export async function* walk(workspace: Workspace, dir: string, recursive: boolean): AsyncGenerator<WalkEntry> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    const item = await classify(workspace, dir, entry);
    if (!item) continue;
    yield item;
    if (recursive && item.isDirectory && !entry.isSymbolicLink()) yield* walk(workspace, item.absolute, true);
  }
}
