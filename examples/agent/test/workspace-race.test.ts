import { lstat, mkdir, mkdtemp, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listWorkspaceFiles } from "../src/tools/list-files.js";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { type DescriptorCheck, Workspace } from "../src/tools/workspace.js";

// A deterministic check-then-use race: the real fs functions, with a hook that runs right after a
// `realpath` or `readdir` call returns, i.e. between the tools' check and their use of the path.
const hooks = vi.hoisted(() => ({
  afterRealpath: undefined as ((resolved: string) => Promise<void>) | undefined,
  afterReaddir: undefined as ((names: string[]) => Promise<void>) | undefined,
}));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const nameOf = (entry: unknown) => (typeof entry === "string" ? entry : String((entry as { name: unknown }).name));
  return {
    ...real,
    realpath: async (...args: Parameters<typeof real.realpath>) => {
      const resolved = await real.realpath(...args);
      await hooks.afterRealpath?.(String(resolved));
      return resolved;
    },
    readdir: async (...args: Parameters<typeof real.readdir>) => {
      const entries = (await real.readdir(...args)) as unknown[];
      await hooks.afterReaddir?.(entries.map(nameOf));
      return entries;
    },
  };
});

let base: string;
let root: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-race-"));
  root = join(base, "ws");
  await mkdir(join(root, "sub"), { recursive: true });
  await mkdir(join(base, "outside"));
  await writeFile(join(root, "sub", "data.txt"), "inside needle\n");
  await writeFile(join(root, "plain.txt"), "inside plain\n");
  await writeFile(join(base, "outside", "data.txt"), "SECRET needle\n");
  await writeFile(join(base, "outside", "secret-name.txt"), "SECRET\n");
  await writeFile(join(base, "secret.txt"), "SECRET file\n");
});

afterEach(async () => {
  hooks.afterRealpath = undefined;
  hooks.afterReaddir = undefined;
  await rm(base, { recursive: true, force: true });
});

/** Once: moves `ws/sub` away and puts a symlink to the outside directory in its place. */
function swapSubForLink(): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await rename(join(root, "sub"), join(root, "sub-moved"));
    await symlink(join(base, "outside"), join(root, "sub"));
  };
}

/** The hook really ran: the test is about a swap that happened. */
async function expectSwapped(path: string): Promise<void> {
  expect((await lstat(path)).isSymbolicLink()).toBe(true);
}

async function settle(promise: Promise<string>): Promise<string> {
  return promise.then(
    (text) => text,
    (error: unknown) => `error: ${(error as Error).message}`,
  );
}

describe.each<DescriptorCheck>(["proc-fd", "realpath"])("a swap between check and use (%s check)", (check) => {
  it("read_file never reads outside when a directory becomes a link after the path was resolved", async () => {
    const swap = swapSubForLink();
    hooks.afterRealpath = async (resolved) => {
      if (resolved === join(root, "sub", "data.txt")) await swap();
    };
    const workspace = await Workspace.open(root, { descriptorCheck: check });
    const answer = await settle(readWorkspaceFile(workspace, { path: "sub/data.txt" }));
    expect(answer).not.toContain("SECRET");
    await expectSwapped(join(root, "sub"));
    expect(answer).toMatch(/^error: .*outside the workspace.*sub\/data\.txt$/);
  });

  it("read_file never reads outside when the file itself becomes a link after the path was resolved", async () => {
    let done = false;
    hooks.afterRealpath = async (resolved) => {
      if (done || resolved !== join(root, "plain.txt")) return;
      done = true;
      await rm(join(root, "plain.txt"));
      await symlink(join(base, "secret.txt"), join(root, "plain.txt"));
    };
    const workspace = await Workspace.open(root, { descriptorCheck: check });
    const answer = await settle(readWorkspaceFile(workspace, { path: "plain.txt" }));
    expect(answer).not.toContain("SECRET");
    await expectSwapped(join(root, "plain.txt"));
    expect(answer).toMatch(/^error: .*plain\.txt$/);
  });

  it("search_files never reads outside when a listed directory becomes a link", async () => {
    const swap = swapSubForLink();
    hooks.afterReaddir = async (names) => {
      if (names.includes("data.txt")) await swap();
    };
    const workspace = await Workspace.open(root, { descriptorCheck: check });
    const answer = await searchWorkspaceFiles(workspace, { regex: "needle" });
    await expectSwapped(join(root, "sub"));
    expect(answer).not.toContain("SECRET");
    // Linux reads the directory that was listed (now at sub-moved); elsewhere the changed one is skipped.
    expect(["sub/data.txt:1: inside needle", "(no matches)"]).toContain(answer);
  });

  it("list_files never lists an outside directory swapped in before it is descended into", async () => {
    const swap = swapSubForLink();
    hooks.afterReaddir = async (names) => {
      if (names.includes("sub")) await swap();
    };
    const workspace = await Workspace.open(root, { descriptorCheck: check });
    const answer = await listWorkspaceFiles(workspace, { recursive: true });
    await expectSwapped(join(root, "sub"));
    expect(answer).not.toContain("secret-name");
    expect(answer.split("\n")).toEqual(["plain.txt", "sub/"]);
  });
});
