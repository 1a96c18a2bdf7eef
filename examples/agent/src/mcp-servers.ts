import { basename, dirname } from "node:path";
import type { McpStdioServerConfig } from "@parallel-tool-calls/mcp-tools";
import type { ToolProgress } from "@parallel-tool-calls/sequential-executor";
import { CliError } from "./cli-errors.js";

/** Splits a command line on spaces, keeping "double" or 'single' quoted parts together (no other shell syntax). */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? "");
  return words;
}

const GENERIC = new Set(["index", "cli", "main", "server", "dist", "build", "bin", "src", "lib"]);

/** A readable server name: the package or script the command runs (`server-everything`, `mcp-test-server`). */
function nameOf(words: string[]): string {
  const target = words.slice(1).find((word) => !word.startsWith("-")) ?? words[0] ?? "mcp";
  let path = target.replace(/@[\d.^~]+$/, "");
  let name = basename(path).replace(/\.[cm]?[jt]s$/, "");
  while (GENERIC.has(name) && dirname(path) !== path) {
    path = dirname(path);
    name = basename(path);
  }
  return name || "mcp";
}

/** One stdio server per `--mcp "<command…>"`, named after what it runs (`-2`, `-3` for repeats). */
export function mcpServersFrom(commands: readonly string[]): McpStdioServerConfig[] {
  const seen = new Map<string, number>();
  return commands.map((command) => {
    const [executable, ...args] = splitCommand(command);
    if (executable === undefined) throw new CliError("USAGE", '--mcp needs a command, e.g. --mcp "npx -y <server>"');
    const base = nameOf([executable, ...args]);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { name: count === 1 ? base : `${base}-${count}`, command: executable, args };
  });
}

/** A progress notification for the live timeline: `  … mcp--s--t: 2/5 step 2`. */
export function progressLine(progress: ToolProgress): string {
  const { message } = progress;
  if (typeof message === "string") return `  … ${progress.name}: ${message}`;
  const done = typeof message.progress === "number" ? String(message.progress) : "";
  const total = typeof message.total === "number" ? `/${message.total}` : "";
  const text = typeof message.message === "string" ? ` ${message.message}` : "";
  return `  … ${progress.name}: ${done}${total}${text}`;
}
