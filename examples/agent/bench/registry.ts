import { ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { sampleWorkspaceDir } from "../src/demo-task.js";
import { Workspace } from "../src/tools/workspace.js";
import { createWorkspaceTools } from "../src/tools/workspace-tools.js";

export async function sampleRegistryForBench(): Promise<ToolRegistry> {
  return new ToolRegistry(createWorkspaceTools(await Workspace.open(sampleWorkspaceDir())));
}
