import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorkspaceFiles } from "../src/tools/list-files.js";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { showPath } from "../src/tools/show-path.js";
import { Workspace } from "../src/tools/workspace.js";
import { refusal } from "./helpers.js";

let base: string;
let workspace: Workspace;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-output-"));
  await mkdir(join(base, "names"));
  await writeFile(join(base, "names", "two\nlines.txt"), "needle\n");
  await writeFile(join(base, "names", "a.txt:1: fake"), "needle\n");
  await writeFile(join(base, "names", "plain.txt"), "needle\n");
  await symlink("loop-b", join(base, "loop-a"));
  await symlink("loop-a", join(base, "loop-b"));
  // Ten nested directories with long names and 100 long file names at the bottom: a recursive
  // listing of about 50 KB in 110 entries, far below the entry limit.
  let deep = join(base, "deep");
  for (let i = 0; i < 10; i++) deep = join(deep, `d${String(i).padStart(3, "0")}${"x".repeat(36)}`);
  await mkdir(deep, { recursive: true });
  for (let i = 0; i < 100; i++) await writeFile(join(deep, `${"f".repeat(80)}${i}.txt`), "");
  workspace = await Workspace.open(base);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

// Plain characters and every kind that could break a line or clash with the quoting.
const NAME_CHARS = fc.oneof(
  fc.constantFrom(...'ab./ :"\\\t\n\r\u0000\u001b\u007f\u0085\u009f\u2028\u2029é😀'),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);

describe("names are shown unambiguously", () => {
  it("lists a name with a newline as one quoted entry, and one that looks like a match quoted too", async () => {
    const listing = (await listWorkspaceFiles(workspace, { path: "names" })).split("\n");
    expect(listing).toEqual(['"names/a.txt:1: fake"', "names/plain.txt", '"names/two\\nlines.txt"']);
    expect(JSON.parse(listing[2] as string)).toBe("names/two\nlines.txt");
  });

  it("shows them the same way in search results", async () => {
    const found = (await searchWorkspaceFiles(workspace, { regex: "needle", path: "names" })).split("\n");
    expect(found).toEqual([
      '"names/a.txt:1: fake":1: needle',
      "names/plain.txt:1: needle",
      '"names/two\\nlines.txt":1: needle',
    ]);
  });

  it("any name is one line, and a quoted one reads back to the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: NAME_CHARS, maxLength: 30 }), (name) => {
        const shown = showPath(name);
        const oneLine = !/[\n\r\u2028\u2029\u0085]/.test(shown);
        return oneLine && (shown === name || JSON.parse(shown) === name);
      }),
      { numRuns: 300 },
    );
  });
});

describe("list_files is bounded in bytes as well as entries", () => {
  it("stops at the output byte limit on very long paths", async () => {
    const listing = await listWorkspaceFiles(workspace, { path: "deep", recursive: true });
    const lines = listing.split("\n");
    expect(Buffer.byteLength(lines.slice(0, -1).join("\n"))).toBeLessThanOrEqual(32 * 1024);
    expect(lines.at(-1)).toBe(`(stopped at the 32768-byte output limit after ${lines.length - 1} entries)`);
  });

  it("stops at the depth limit", async () => {
    const listing = await listWorkspaceFiles(workspace, { path: "deep", recursive: true }, { limits: { maxDepth: 3 } });
    expect(listing.split("\n")).toHaveLength(3);
  });

  it("stops after the visited-entries limit", async () => {
    const listing = await listWorkspaceFiles(workspace, { recursive: true }, { limits: { maxVisitedEntries: 4 } });
    expect(listing.split("\n").at(-1)).toBe("(stopped after visiting 4 directory entries)");
  });
});

describe("errors are one line and name workspace-relative paths only", () => {
  it.each([
    ["loop-a", "INVALID_PATH", "too many symbolic links, or a link appeared while opening: loop-a"],
    [`${"n".repeat(300)}.txt`, "INVALID_PATH", `path too long: ${"n".repeat(160)}…`],
    ["names/plain.txt/inner", "NOT_FOUND", "no such file or directory: names/plain.txt/inner"],
    ["names/two\nlines.txt/x", "NOT_FOUND", 'no such file or directory: "names/two\\nlines.txt/x"'],
  ])("read_file %j", async (path, code, message) => {
    const error = await refusal(readWorkspaceFile(workspace, { path }));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("refuses a file over the read limit, and search says it was not searched", async () => {
    const limits = { maxReadBytes: 3 };
    const error = await refusal(readWorkspaceFile(workspace, { path: "names/plain.txt" }, { limits }));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toBe("file is 7 bytes, more than the 3-byte limit: names/plain.txt");
    const found = await searchWorkspaceFiles(workspace, { regex: "needle", path: "names" }, { limits });
    expect(found).toBe("(no matches)\n(3 files over 3 bytes were not searched)");
  });

  it("never shows the host path, even for an absolute path inside the workspace", async () => {
    const error = await refusal(readWorkspaceFile(workspace, { path: join(base, "missing.txt") }));
    expect(error.message).toBe("no such file or directory: missing.txt");
    expect(error.message).not.toContain(base);
  });
});
