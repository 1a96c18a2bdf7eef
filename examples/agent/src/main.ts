import { connectMcpServers, type McpToolSet } from "@parallel-tool-calls/mcp-tools";
import { ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { runAgent } from "./agent-loop.js";
import { classifyError, EXIT_CODES } from "./classify-error.js";
import { type CliOptions, parseCliArgs, USAGE } from "./cli-args.js";
import { CliError } from "./cli-errors.js";
import { DEMO_TASK, SYSTEM_PROMPT, sampleWorkspaceDir } from "./demo-task.js";
import { createProgressPrinter, formatReport, jsonReport, type RunInfo } from "./format-report.js";
import { mcpServersFrom, progressLine } from "./mcp-servers.js";
import { createProvider, type ProviderSetup } from "./providers.js";
import { Workspace } from "./tools/workspace.js";
import { createWorkspaceTools } from "./tools/workspace-tools.js";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliRunOptions {
  /** Aborts the run (the CLI wires Ctrl-C to it). */
  signal?: AbortSignal;
  /** Pause between SSE events of the embedded scripted server (default 2 ms, to make streaming visible). */
  localPacingMs?: number;
}

/** The demo CLI as a function: arguments and environment in, exit code out. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  runOptions: CliRunOptions = {},
): Promise<number> {
  let options: CliOptions | undefined;
  let setup: ProviderSetup | undefined;
  let workspace: Workspace;
  const fail = (error: unknown) => {
    const classified = classifyError(error, { baseUrl: setup?.baseUrl, secrets: setup?.secrets ?? [] });
    if (options?.json) io.out(JSON.stringify({ status: "error", code: classified.code, error: classified.message }));
    else io.err(`error: ${classified.message}`);
    if (classified.code === "USAGE") io.err("run with --help for the options");
    return EXIT_CODES[classified.code];
  };
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return 0;
    }
    workspace = await Workspace.open(options.workspace ?? sampleWorkspaceDir());
    setup = await createProvider(options, env, { pacingMs: runOptions.localPacingMs ?? 2 });
  } catch (error) {
    return fail(error);
  }
  let mcp: McpToolSet | undefined;
  try {
    if (options.mcp.length > 0) mcp = await connectMcpServers(mcpServersFrom(options.mcp));
    const registry = new ToolRegistry([...createWorkspaceTools(workspace), ...(mcp?.tools ?? [])]);
    const info: RunInfo = {
      provider: setup.provider,
      model: setup.model,
      baseUrl: setup.baseUrl,
      parallelToolCalls: PARALLEL_TOOL_CALLS,
      workspace: workspace.root,
      task: DEMO_TASK,
      wallMs: 0,
    };
    if (!options.json) {
      io.out(`Task: ${DEMO_TASK}`);
      io.out(`Workspace: ${workspace.root}`);
      io.out(
        `Model: ${setup.model} via ${setup.provider === "local" ? "the embedded scripted server" : setup.provider} ` +
          `at ${setup.baseUrl} · parallel_tool_calls ${PARALLEL_TOOL_CALLS ? "on" : "off"}` +
          ` · tools start ${options.waitForStream ? "after the response ends" : "as soon as each call is complete"}`,
      );
      for (const server of mcp?.servers ?? []) io.out(`MCP server ${server.name}: ${server.tools.join(", ")}`);
      io.out("");
    }
    const started = performance.now();
    const result = await runAgent({
      handler: setup.handler,
      registry,
      systemPrompt: SYSTEM_PROMPT,
      task: DEMO_TASK,
      maxTurns: options.maxTurns,
      startWhen: options.waitForStream ? "stream_ended" : "call_ended",
      ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      ...(options.json ? {} : { onEvent: createProgressPrinter(io.out), onProgress: (p) => io.out(progressLine(p)) }),
    });
    info.wallMs = performance.now() - started;
    const failure =
      result.status === "aborted"
        ? new CliError("ABORTED", "interrupted")
        : result.error === undefined
          ? undefined
          : classifyError(result.error, setup);
    if (options.json) io.out(JSON.stringify(jsonReport(result, info, failure?.message)));
    else {
      // A run that failed before the model produced anything has nothing to report but the error.
      if (!failure || result.toolCalls > 0 || result.finalText !== "") io.out(formatReport(result, info));
      if (failure) io.err(`error: ${failure.message}`);
      if (result.status === "max_turns") io.err(`stopped after --max-turns ${options.maxTurns} model requests`);
    }
    if (failure) return EXIT_CODES[failure.code];
    return result.status === "completed" ? 0 : 1;
  } catch (error) {
    return fail(error);
  } finally {
    await mcp?.close();
    await setup.close();
  }
}
