import { parseArgs } from "node:util";
import { redactUrl } from "@parallel-tool-calls/core-metadata";
import { CliError } from "./cli-errors.js";

export const PROVIDERS = ["local", "openrouter", "kilocode", "openai-compatible"] as const;
export type ProviderChoice = (typeof PROVIDERS)[number];

export interface CliOptions {
  provider: ProviderChoice;
  model?: string;
  baseUrl?: string;
  json: boolean;
  maxTurns: number;
  /** Start tools only when the whole response has streamed (the old behaviour), for comparison. */
  waitForStream: boolean;
  workspace?: string;
  /** `--mcp "<command…>"`, repeatable: MCP servers whose tools join the workspace tools. */
  mcp: string[];
  /** Longest silence of a started response stream before it fails (handlers' `idleTimeoutMs`). */
  idleTimeoutMs?: number;
  help: boolean;
}

/** Where each provider's key comes from. The local scripted server needs none. */
export const KEY_ENV: Record<ProviderChoice, string | undefined> = {
  local: undefined,
  openrouter: "OPENROUTER_API_KEY",
  kilocode: "KILOCODE_TOKEN",
  "openai-compatible": "OPENAI_API_KEY",
};

export const USAGE = `Usage: pnpm demo [options]

Runs "read these four files and summarise them" on the sample workspace.

Options:
  --provider <name>   local (default: embedded scripted server, no key), openrouter, kilocode,
                      openai-compatible
  --model <id>        model id (required for openai-compatible; defaults per provider). Locally, a
                      strict model of the test server plays the task with its real API's rules:
                      gemini-3-pro-preview, google/gemini-3-pro-preview, deepseek-v4,
                      mistral-large-latest, mistralai/devstral-medium, anthropic/claude-sonnet-4.5
  --base-url <url>    API base URL (required for openai-compatible)
  --max-turns <n>     stop after n model requests (default 10)
  --idle-timeout-ms <n>
                      fail a response stream silent for n ms (default 120000)
  --wait-for-stream   start tools only after the whole response has streamed
  --workspace <dir>   run on another directory instead of the sample workspace
  --mcp "<command…>"  also offer the tools of an MCP server started with this command over stdio
                      (repeatable; e.g. --mcp "npx -y @modelcontextprotocol/server-everything")
  --json              print one JSON object instead of the human report
  -h, --help          show this help

Keys come from the environment: OPENROUTER_API_KEY, KILOCODE_TOKEN, OPENAI_API_KEY (optional for local
OpenAI-compatible servers).`;

function isProvider(value: string): value is ProviderChoice {
  return (PROVIDERS as readonly string[]).includes(value);
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    // `pnpm demo -- --json` forwards the separator; it carries no meaning here.
    parsed = parse(argv.filter((arg) => arg !== "--"));
  } catch (error) {
    throw new CliError("USAGE", (error as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  const { values } = parsed;
  const provider = values.provider ?? "local";
  if (!isProvider(provider)) {
    throw new CliError("USAGE", `unknown --provider "${provider}"; expected one of ${PROVIDERS.join(", ")}`);
  }
  const maxTurns = values["max-turns"] === undefined ? 10 : Number(values["max-turns"]);
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new CliError("USAGE", `--max-turns must be a positive integer, got "${values["max-turns"]}"`);
  }
  if (values["base-url"] !== undefined && !/^https?:\/\/\S+$/.test(values["base-url"])) {
    throw new CliError("USAGE", `--base-url must be an http(s) URL, got "${redactUrl(values["base-url"])}"`);
  }
  const idleTimeoutMs = values["idle-timeout-ms"] === undefined ? undefined : Number(values["idle-timeout-ms"]);
  if (idleTimeoutMs !== undefined && !(Number.isInteger(idleTimeoutMs) && idleTimeoutMs > 0)) {
    throw new CliError("USAGE", `--idle-timeout-ms must be a positive integer, got "${values["idle-timeout-ms"]}"`);
  }
  if (provider === "openai-compatible" && (values["base-url"] === undefined || values.model === undefined)) {
    throw new CliError("USAGE", "--provider openai-compatible needs --base-url and --model");
  }
  return {
    provider,
    ...(values.model === undefined ? {} : { model: values.model }),
    ...(values["base-url"] === undefined ? {} : { baseUrl: values["base-url"] }),
    ...(values.workspace === undefined ? {} : { workspace: values.workspace }),
    mcp: values.mcp ?? [],
    ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
    json: values.json ?? false,
    maxTurns,
    waitForStream: values["wait-for-stream"] ?? false,
    help: values.help ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      provider: { type: "string" },
      model: { type: "string" },
      "base-url": { type: "string" },
      "max-turns": { type: "string" },
      "idle-timeout-ms": { type: "string" },
      "wait-for-stream": { type: "boolean" },
      workspace: { type: "string" },
      mcp: { type: "string", multiple: true },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** The provider's key from the environment; a clear error when a provider that needs one has none. */
export function apiKeyFor(provider: ProviderChoice, env: NodeJS.ProcessEnv): string | undefined {
  const name = KEY_ENV[provider];
  if (name === undefined) return undefined;
  const key = env[name]?.trim();
  if (key) return key;
  if (provider === "openai-compatible") return undefined;
  throw new CliError("MISSING_API_KEY", `${name} is not set; export it to use --provider ${provider}`);
}
