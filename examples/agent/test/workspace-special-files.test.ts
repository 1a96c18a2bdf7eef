import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorkspaceFiles } from "../src/tools/list-files.js";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { Workspace } from "../src/tools/workspace.js";
import { refusal } from "./helpers.js";

// FIFOs, sockets and devices inside the workspace: listed, never opened for reading or searched.
let base: string;
let workspace: Workspace;
let socketServer: Server;
let hasDevice = false;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-special-"));
  await mkdir(join(base, "special"));
  await writeFile(join(base, "a.txt"), "needle in a file\n");
  execFileSync("mkfifo", [join(base, "special", "pipe")]);
  await symlink("special/pipe", join(base, "pipe-link"));
  socketServer = createServer();
  await new Promise<void>((done) => socketServer.listen(join(base, "special", "sock"), done));
  try {
    // A character device like /dev/zero: reading it never ends. Needs CAP_MKNOD (root in CI).
    execFileSync("mknod", [join(base, "special", "zero"), "c", "1", "5"], { stdio: "ignore" });
    hasDevice = true;
  } catch {
    hasDevice = false;
  }
  workspace = await Workspace.open(base);
});

afterAll(async () => {
  await new Promise<void>((done) => socketServer.close(() => done()));
  await rm(base, { recursive: true, force: true });
});

describe("special files", () => {
  it("read_file refuses a FIFO at once instead of blocking on it", async () => {
    const error = await refusal(readWorkspaceFile(workspace, { path: "special/pipe" }));
    expect(error.code).toBe("NOT_A_FILE");
    expect(error.message).toBe("not a regular file (FIFO): special/pipe");
  });

  it("read_file refuses a socket with a one-line, workspace-relative message", async () => {
    const error = await refusal(readWorkspaceFile(workspace, { path: "special/sock" }));
    expect(error.code).toBe("NOT_A_FILE");
    expect(error.message).toBe("not a regular file (socket): special/sock");
  });

  it("read_file refuses a character device without reading it", async (context) => {
    if (!hasDevice) context.skip("mknod is not permitted here");
    const error = await refusal(readWorkspaceFile(workspace, { path: "special/zero" }));
    expect(error.message).toBe("not a regular file (character device): special/zero");
  });

  it("search_files searches only regular files: no hang on the FIFO, no failure on the socket", async () => {
    await expect(searchWorkspaceFiles(workspace, { regex: "needle" })).resolves.toBe("a.txt:1: needle in a file");
  });

  it("list_files lists them, and leaves out a link that leads to one", async () => {
    const listing = (await listWorkspaceFiles(workspace, { recursive: true })).split("\n");
    expect(listing).toEqual(
      ["a.txt", "special/", "special/pipe", "special/sock", ...(hasDevice ? ["special/zero"] : [])].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
  });

  it("read_file through a link to a FIFO is refused too", async () => {
    expect((await refusal(readWorkspaceFile(workspace, { path: "pipe-link" }))).code).toBe("NOT_A_FILE");
  });
});
