import { runCli } from "./main.js";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted by Ctrl-C")));
const code = await runCli(
  process.argv.slice(2),
  process.env,
  { out: (line) => console.log(line), err: (line) => console.error(line) },
  { signal: controller.signal },
);
process.exitCode = code;
