import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkspaceFile } from "../src/tools/read-file.js";
import { searchWorkspaceFiles } from "../src/tools/search-files.js";
import { Workspace } from "../src/tools/workspace.js";

// The race without hooks: another process swaps `ws/sub` between a directory and a symlink to the
// outside as fast as it can, bounded in swaps and time, while the tools read and search through it.
const MAX_SWAPS = 20_000;
const MAX_MS = 800;

const SWAPPER = `
const fs = require("node:fs");
const [sub, parked, outside, maxSwaps, maxMs] = process.argv.slice(1);
const until = Date.now() + Number(maxMs);
let swaps = 0;
while (swaps < Number(maxSwaps) && Date.now() < until) {
  fs.renameSync(sub, parked); fs.symlinkSync(outside, sub);
  fs.unlinkSync(sub); fs.renameSync(parked, sub);
  swaps++;
}
process.stdout.write(String(swaps));
`;

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ptc-swap-"));
  await mkdir(join(base, "ws", "sub"), { recursive: true });
  await mkdir(join(base, "outside"));
  await writeFile(join(base, "ws", "sub", "data.txt"), "inside needle\n");
  await writeFile(join(base, "outside", "data.txt"), "SECRET needle\n");
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("a directory swapped for an outside link in a tight loop", () => {
  it("never lets read_file or search_files read outside", async () => {
    const workspace = await Workspace.open(join(base, "ws"));
    const args = [join(base, "ws", "sub"), join(base, "ws", "parked"), join(base, "outside"), MAX_SWAPS, MAX_MS];
    const swapper = spawn(process.execPath, ["-e", SWAPPER, ...args.map(String)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let swapsText = "";
    swapper.stdout.on("data", (chunk: Buffer) => {
      swapsText += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => swapper.on("exit", done));
    let running = true;
    void exited.then(() => {
      running = false;
    });
    const answers: string[] = [];
    for (let i = 0; running && i < 5000; i++) {
      const call =
        i % 4 === 3
          ? searchWorkspaceFiles(workspace, { regex: "needle" })
          : readWorkspaceFile(workspace, { path: "sub/data.txt" });
      answers.push(await call.catch((error: unknown) => `error: ${(error as Error).message}`));
    }
    expect(await exited).toBe(0);
    expect(Number(swapsText)).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.includes("SECRET"))).toEqual([]);
  });
});
