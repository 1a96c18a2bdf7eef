import { type AnyTool, defineTool } from "@parallel-tool-calls/sequential-executor";
import { type ListFilesInput, listWorkspaceFiles } from "./list-files.js";
import { type ReadFileInput, readWorkspaceFile } from "./read-file.js";
import { type SearchFilesInput, searchWorkspaceFiles } from "./search-files.js";
import type { Workspace } from "./workspace.js";

/** The three read-only tools, bound to one workspace. Inputs are schema-checked by the registry first. */
export function createWorkspaceTools(workspace: Workspace): AnyTool[] {
  const readFile = defineTool<ReadFileInput>({
    name: "read_file",
    description: "Read a UTF-8 text file of the workspace. The path is relative to the workspace root.",
    parameters: {
      type: "object",
      properties: { path: { type: "string", description: "File path relative to the workspace root" } },
      required: ["path"],
      additionalProperties: false,
    },
    execute: (input) => readWorkspaceFile(workspace, input),
  });
  const listFiles = defineTool<ListFilesInput>({
    name: "list_files",
    description: "List files and directories (directories end with /). Optionally recursive.",
    parameters: {
      type: "object",
      properties: {
        path: { type: "string", description: "Directory relative to the workspace root (default: the root)" },
        recursive: { type: "boolean", description: "Also list subdirectories" },
      },
      additionalProperties: false,
    },
    execute: (input) => listWorkspaceFiles(workspace, input),
  });
  const searchFiles = defineTool<SearchFilesInput>({
    name: "search_files",
    description: "Search file contents with a JavaScript regular expression; answers path:line: text per match.",
    parameters: {
      type: "object",
      properties: {
        path: { type: "string", description: "Directory to search, relative to the workspace root" },
        regex: { type: "string", description: "Regular expression matched against each line" },
        file_pattern: { type: "string", description: "Glob that file names must match, e.g. *.ts" },
      },
      required: ["regex"],
      additionalProperties: false,
    },
    execute: (input) => searchWorkspaceFiles(workspace, input),
  });
  return [readFile, listFiles, searchFiles] as AnyTool[];
}
