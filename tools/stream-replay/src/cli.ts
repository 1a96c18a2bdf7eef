import { resolve } from "node:path";
import { replayFolder } from "./replay.js";
import { formatResult, formatSummary } from "./report.js";

const folder = process.argv[2];
if (!folder || folder === "--help" || folder === "-h") {
  console.log("usage: pnpm replay <folder>   (every *.jsonl below it: one chat.completion.chunk per line)");
  process.exit(folder ? 0 : 2);
}

try {
  // pnpm runs scripts from the repository root; a relative folder means the caller's directory.
  const results = await replayFolder(resolve(process.env.INIT_CWD ?? process.cwd(), folder));
  for (const result of results) console.log(formatResult(result));
  console.log(formatSummary(results));
  process.exitCode = results.every((r) => r.complete) ? 0 : 1;
} catch (error) {
  console.error(`replay failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
