import { fileURLToPath } from "node:url";

/** The four files the demo task asks for, relative to the sample workspace. */
export const DEMO_FILES: readonly string[] = ["README.md", "src/catalog.ts", "src/loans.ts", "docs/decisions.md"];

export function taskFor(files: readonly string[]): string {
  return `Read these ${files.length} files and summarise them: ${files.join(", ")}.`;
}

export const DEMO_TASK = taskFor(DEMO_FILES);

export const SYSTEM_PROMPT = [
  "You are a careful coding assistant working in a read-only workspace.",
  "Use the tools to look at files; never guess their content.",
  "When several independent reads are needed, you may request them together in one message.",
  "Paths are relative to the workspace root.",
].join("\n");

/** The bundled sample workspace the demo runs on. */
export function sampleWorkspaceDir(): string {
  return fileURLToPath(new URL("../sample-workspace", import.meta.url));
}
