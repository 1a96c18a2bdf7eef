import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export { TINY_PNG } from "./behaviours.js";
export { type CallLogEntry, readCallLog } from "./call-log.js";

/** The server's command line entry (built), to spawn with `node`. */
export const MCP_TEST_SERVER_CLI: string = fileURLToPath(new URL("./cli.js", import.meta.url));

/** Arguments of the test server's command line. */
export interface McpTestServerArgs {
  /** Also serve tools whose names need sanitising. */
  awkwardNames?: boolean;
  /** Where the server appends its call log (JSON lines). */
  log?: string;
}

/** The `args` for spawning the test server over stdio with `process.execPath`. */
export function mcpTestServerArgs(options: McpTestServerArgs = {}): string[] {
  return [
    MCP_TEST_SERVER_CLI,
    ...(options.awkwardNames ? ["--awkward-names"] : []),
    ...(options.log ? ["--log", options.log] : []),
  ];
}

/** A test server running as a child process over Streamable HTTP on 127.0.0.1. */
export interface McpTestHttpServer {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

/** Starts the test server over Streamable HTTP as a real child process; resolves once it listens. */
export function startMcpTestHttpServer(options: McpTestServerArgs = {}): Promise<McpTestHttpServer> {
  const child = spawn(process.execPath, [...mcpTestServerArgs(options), "--http"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      void close();
      reject(new Error("the MCP test server did not start listening within 10 s"));
    }, 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the MCP test server exited with ${code} before listening`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, close });
      }
    });
  });
}
