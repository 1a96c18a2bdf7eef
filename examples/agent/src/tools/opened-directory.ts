import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { changedDuringAccess, type Opened } from "./open-inside.js";
import type { Workspace } from "./workspace.js";

/**
 * A verified directory descriptor that lists and opens its own children. On Linux both go through
 * `/proc/self/fd/<fd>`, so they reach the directory that was opened even if its path is swapped
 * meanwhile. Elsewhere the path is listed and then checked to still be the opened directory.
 */
export class OpenedDirectory {
  constructor(
    private readonly workspace: Workspace,
    readonly opened: Opened,
    /** Workspace-relative path as listed ("." for the starting directory). */
    readonly relative: string,
  ) {}

  private get viaProc(): boolean {
    return this.workspace.descriptorCheck === "proc-fd";
  }

  async list(): Promise<Dirent[]> {
    if (this.viaProc) return readdir(`/proc/self/fd/${this.opened.handle.fd}`, { withFileTypes: true });
    const entries = await readdir(this.opened.real, { withFileTypes: true });
    const now = await stat(this.opened.real);
    if (now.dev !== this.opened.stats.dev || now.ino !== this.opened.stats.ino) {
      throw changedDuringAccess(this.relative);
    }
    return entries;
  }

  /** The path to hand to open(2) or stat(2) for a child of this directory. */
  childPath(name: string): string {
    return this.viaProc ? `/proc/self/fd/${this.opened.handle.fd}/${name}` : join(this.opened.real, name);
  }

  childRelative(name: string): string {
    return this.relative === "." ? name : `${this.relative}/${name}`;
  }

  close(): Promise<void> {
    return this.opened.handle.close().catch(() => undefined);
  }
}
