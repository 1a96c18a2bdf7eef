import { type AnyTool, defineTool } from "@parallel-tool-calls/sequential-executor";
import type { WorkspaceLimits } from "./limits.js";
import { type ListFilesInput, listWorkspaceFiles } from "./list-files.js";
import { type ReadFileInput, readWorkspaceFile } from "./read-file.js";
import { type SearchFilesInput, searchWorkspaceFiles } from "./search-files.js";
import type { Workspace } from "./workspace.js";

const SHOWN_NAMES = "Names with control characters, quotes, backslashes or colons are shown as JSON strings.";

/**
 * The three read-only tools, bound to one workspace. Inputs are schema-checked by the registry first;
 * each call gets the executor's abort signal. `limits` overrides the documented defaults.
 */
export function createWorkspaceTools(workspace: Workspace, limits: Partial<WorkspaceLimits> = {}): AnyTool[] {
  const readFile = defineTool<ReadFileInput>({
    name: "read_file",
    description: "Read a UTF-8 text file of the workspace. The path is relative to the workspace root.",
    parameters: {
      type: "object",
      properties: { path: { type: "string", description: "File path relative to the workspace root" } },
      required: ["path"],
      additionalProperties: false,
    },
    execute: (input, ctx) => readWorkspaceFile(workspace, input, { signal: ctx.signal, limits }),
  });
  const listFiles = defineTool<ListFilesInput>({
    name: "list_files",
    description: `List files and directories (directories end with /). Optionally recursive. ${SHOWN_NAMES}`,
    parameters: {
      type: "object",
      properties: {
        path: { type: "string", description: "Directory relative to the workspace root (default: the root)" },
        recursive: { type: "boolean", description: "Also list subdirectories" },
      },
      additionalProperties: false,
    },
    execute: (input, ctx) => listWorkspaceFiles(workspace, input, { signal: ctx.signal, limits }),
  });
  const searchFiles = defineTool<SearchFilesInput>({
    name: "search_files",
    description:
      "Search file contents with an RE2 regular expression (no lookaround or backreferences; (?i) for " +
      `case-insensitive); answers path:line: text per match. ${SHOWN_NAMES}`,
    parameters: {
      type: "object",
      properties: {
        path: { type: "string", description: "Directory to search, relative to the workspace root" },
        regex: { type: "string", description: "RE2 regular expression matched against each line" },
        file_pattern: {
          type: "string",
          description: "Glob that file names must match, e.g. *.ts or src/**/*.{ts,tsx}",
        },
      },
      required: ["regex"],
      additionalProperties: false,
    },
    execute: (input, ctx) => searchWorkspaceFiles(workspace, input, { signal: ctx.signal, limits }),
  });
  return [readFile, listFiles, searchFiles] as AnyTool[];
}
