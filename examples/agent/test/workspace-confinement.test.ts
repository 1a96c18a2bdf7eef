import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorkspaceFiles } from "../src/tools/list-files.js";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { type DescriptorCheck, Workspace } from "../src/tools/workspace.js";
import { refusal } from "./helpers.js";

// Layout: <base>/secret.txt lies outside; <base>/ws is the workspace with links pointing in and out.
let base: string;
let root: string;
let workspace: Workspace;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-ws-"));
  root = join(base, "ws");
  await mkdir(join(root, "src", "deep"), { recursive: true });
  await mkdir(join(base, "outside-dir"));
  await writeFile(join(base, "secret.txt"), "TOP SECRET\n");
  await writeFile(join(base, "outside-dir", "leak.txt"), "LEAKED secret\n");
  await writeFile(join(root, "a.txt"), "alpha\nsecret agenda\n");
  await writeFile(join(root, "src", "b.ts"), "export const b = 1;\n");
  await writeFile(join(root, "src", "deep", "c.md"), "# C\nsecret notes\n");
  await symlink(join(base, "secret.txt"), join(root, "escape-file"));
  await symlink(join(base, "outside-dir"), join(root, "escape-dir"));
  await symlink(join(root, "src", "b.ts"), join(root, "inside-link"));
  await symlink(join(base, "missing"), join(root, "dangling"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

// Every case holds with either way of verifying an opened descriptor (Linux uses proc-fd by default).
describe.each<DescriptorCheck>(["proc-fd", "realpath"])("with the %s check", (check) => {
  beforeAll(async () => {
    workspace = await Workspace.open(root, { descriptorCheck: check });
  });

  describe("read_file confinement", () => {
    it("reads a file inside the workspace", async () => {
      await expect(readWorkspaceFile(workspace, { path: "src/b.ts" })).resolves.toBe("export const b = 1;\n");
    });

    it.each(["../secret.txt", "src/../../secret.txt", "../ws/../secret.txt", ".."])("refuses %s", async (path) => {
      const error = await refusal(readWorkspaceFile(workspace, { path }));
      expect(error.code).toBe("OUTSIDE_WORKSPACE");
      expect(error.message).toContain("outside the workspace");
    });

    it("refuses an absolute path outside, even one that does not exist", async () => {
      expect((await refusal(readWorkspaceFile(workspace, { path: join(base, "secret.txt") }))).code).toBe(
        "OUTSIDE_WORKSPACE",
      );
      expect((await refusal(readWorkspaceFile(workspace, { path: "/no/such/file" }))).code).toBe("OUTSIDE_WORKSPACE");
    });

    it("accepts an absolute path that lies inside", async () => {
      await expect(readWorkspaceFile(workspace, { path: join(workspace.root, "a.txt") })).resolves.toContain("alpha");
    });

    it("refuses a symlink that points outside, for files and through directories", async () => {
      expect((await refusal(readWorkspaceFile(workspace, { path: "escape-file" }))).code).toBe("OUTSIDE_WORKSPACE");
      expect((await refusal(readWorkspaceFile(workspace, { path: "escape-dir/leak.txt" }))).code).toBe(
        "OUTSIDE_WORKSPACE",
      );
    });

    it("follows a symlink that stays inside", async () => {
      await expect(readWorkspaceFile(workspace, { path: "inside-link" })).resolves.toBe("export const b = 1;\n");
    });

    it("reports missing files, directories and NUL bytes with their own codes", async () => {
      expect((await refusal(readWorkspaceFile(workspace, { path: "nope.txt" }))).code).toBe("NOT_FOUND");
      expect((await refusal(readWorkspaceFile(workspace, { path: "dangling" }))).code).toBe("NOT_FOUND");
      expect((await refusal(readWorkspaceFile(workspace, { path: "src" }))).code).toBe("NOT_A_FILE");
      expect((await refusal(readWorkspaceFile(workspace, { path: "a.txt\0../x" }))).code).toBe("INVALID_PATH");
    });
  });

  describe("list_files confinement", () => {
    it("lists recursively without entries that escape", async () => {
      const listing = (await listWorkspaceFiles(workspace, { recursive: true })).split("\n");
      expect(listing).toEqual(["a.txt", "inside-link", "src/", "src/b.ts", "src/deep/", "src/deep/c.md"]);
    });

    it("lists one level by default and refuses directories outside", async () => {
      expect(await listWorkspaceFiles(workspace, { path: "src" })).toBe("src/b.ts\nsrc/deep/");
      expect((await refusal(listWorkspaceFiles(workspace, { path: "escape-dir" }))).code).toBe("OUTSIDE_WORKSPACE");
      expect((await refusal(listWorkspaceFiles(workspace, { path: "../" }))).code).toBe("OUTSIDE_WORKSPACE");
      expect((await refusal(listWorkspaceFiles(workspace, { path: "a.txt" }))).code).toBe("NOT_A_DIRECTORY");
    });
  });

  describe("search_files confinement", () => {
    it("finds matches inside and never through escaping links", async () => {
      const found = await searchWorkspaceFiles(workspace, { regex: "secret" });
      expect(found.split("\n")).toEqual(["a.txt:2: secret agenda", "src/deep/c.md:2: secret notes"]);
      expect(found).not.toContain("LEAKED");
      expect(found).not.toContain("TOP SECRET");
    });

    it("filters by file pattern and refuses escapes and bad regexes", async () => {
      expect(await searchWorkspaceFiles(workspace, { regex: "secret", file_pattern: "*.md" })).toBe(
        "src/deep/c.md:2: secret notes",
      );
      expect(await searchWorkspaceFiles(workspace, { regex: "zzz" })).toBe("(no matches)");
      expect((await refusal(searchWorkspaceFiles(workspace, { regex: "x", path: "escape-dir" }))).code).toBe(
        "OUTSIDE_WORKSPACE",
      );
      expect((await refusal(searchWorkspaceFiles(workspace, { regex: "(" }))).code).toBe("INVALID_REGEX");
    });
  });
});
