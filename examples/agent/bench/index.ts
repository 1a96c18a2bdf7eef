// The example agent's benchmarks, bounded and printed side by side as ratios measured in this run.
// (d) runs adversarial regexes and globs against the search tool (a few seconds).
// (c) copies the repository, flips the switch, installs offline and builds (about 40 s of the total).
// `--skip-flipped` (or PTC_BENCH_SKIP_FLIPPED=1) leaves the copy out; `--flipped-dir <dir>` reuses one.
import { startTestServer } from "@parallel-tool-calls/testing";
import { benchAdversarialSearch } from "./adversarial-search.js";
import { benchFlagCompare } from "./flag-compare.js";
import { benchPipeline } from "./pipeline.js";
import { benchToolStart } from "./tool-start.js";

const skipFlipped = process.argv.includes("--skip-flipped") || process.env.PTC_BENCH_SKIP_FLIPPED === "1";
const dirFlag = process.argv.indexOf("--flipped-dir");
const flippedDir = dirFlag === -1 ? undefined : process.argv[dirFlag + 1];
const started = performance.now();
const server = await startTestServer();
try {
  await benchPipeline(server);
  console.log("");
  await benchToolStart(server);
} finally {
  await server.close();
}
console.log("");
await benchAdversarialSearch();
console.log("");
await benchFlagCompare(skipFlipped, flippedDir);
console.log(`\nexample-agent benchmarks done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
