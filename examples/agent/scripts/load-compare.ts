import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// examples/agent of this tree, and the repository around it.
const AGENT_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO = fileURLToPath(new URL("../../..", import.meta.url));
// Bounds of each step, so that a comparison never hangs.
const INSTALL_MS = 15 * 60_000;
const BUILD_MS = 30 * 60_000;
const LOAD_MS = 15 * 60_000;

interface Figures {
  seconds: number;
  perSecond: number;
  failed: number;
  lost: number;
  duplicated: number;
  mismatched: number;
}

function git(...args: string[]): string {
  return execFileSync("git", ["-C", REPO, ...args], { encoding: "utf8" }).trim();
}

/** Runs a command, echoing its output with a prefix; resolves its exit code and stdout. Killed after `timeoutMs`. */
function run(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let out = "";
    const echo = (text: string) => {
      for (const line of text.split("\n")) if (line.trim() !== "") console.log(`[${label}] ${line}`);
    };
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      out += text;
      echo(text);
    });
    child.stderr.setEncoding("utf8").on("data", echo);
    child.on("error", (error) => {
      echo(`could not run ${command}: ${error.message}`);
      resolve({ code: 1, out });
    });
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

/** The figures of a load run's output (the lines every version of the script prints). */
function figuresOf(out: string): Figures | undefined {
  const speed = /([\d.]+) s · ([\d.]+) sessions\/s/.exec(out);
  const counts =
    /failed sessions (\d+) · lost results (\d+) · duplicated results (\d+) · mismatched results (\d+)/.exec(out);
  if (!speed || !counts) return undefined;
  const [seconds, perSecond, failed, lost, duplicated, mismatched] = [...speed.slice(1), ...counts.slice(1)].map(
    Number,
  ) as [number, number, number, number, number, number];
  return { seconds, perSecond, failed, lost, duplicated, mismatched };
}

function line(label: string, figures: Figures | undefined): string {
  if (!figures) return `  ${label}: no figures (see its output above)`;
  const perSession = 1000 / figures.perSecond;
  return (
    `  ${label}: ${figures.seconds.toFixed(2)} s · ${figures.perSecond.toFixed(1)} sessions/s · ${perSession.toFixed(2)} ms per session · ` +
    `failed ${figures.failed} · lost ${figures.lost} · duplicated ${figures.duplicated} · mismatched ${figures.mismatched}`
  );
}

/**
 * Builds `ref` in a temporary worktree, runs its load script, then this tree's, one after the
 * other with the same arguments, and prints both. Returns this tree's exit code.
 */
export async function compareWith(ref: string, args: string[]): Promise<number> {
  let sha: string;
  try {
    sha = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    console.error(`load: --compare ${JSON.stringify(ref)} is not a commit of this repository`);
    return 2;
  }
  const dir = await mkdtemp(join(tmpdir(), "load-compare-"));
  const label = `${ref} (${sha.slice(0, 8)})`;
  try {
    git("worktree", "add", "--detach", dir, sha);
    console.log(`load: building ${label} in ${dir}`);
    const install = await run(ref, "pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], dir, INSTALL_MS);
    const build = install.code === 0 ? await run(ref, "pnpm", ["build"], dir, BUILD_MS) : install;
    if (build.code !== 0) {
      console.error(`load: could not build ${label}`);
      return 1;
    }
    // One after the other, never together: each run has the machine to itself.
    const other = await run(ref, "pnpm", ["run", "load", ...args], join(dir, "examples/agent"), LOAD_MS);
    const head = git("rev-parse", "--short=8", "HEAD");
    const self = await run("this tree", "pnpm", ["run", "load", ...args], AGENT_DIR, LOAD_MS);
    const [before, after] = [figuresOf(other.out), figuresOf(self.out)];
    console.log(`load: comparison (${args.join(" ")})`);
    console.log(line(label, before));
    console.log(line(`this tree (HEAD ${head})`, after));
    if (before && after) {
      console.log(`  this tree / ${ref}: ${(after.seconds / before.seconds).toFixed(2)}× the time per session`);
    }
    return self.code;
  } finally {
    try {
      git("worktree", "remove", "--force", dir);
    } catch {
      // Not added (a failed `worktree add`): only the folder is left.
    }
    await rm(dir, { recursive: true, force: true });
  }
}
