import type { ApiHandlerCreateMessageMetadata } from "@parallel-tool-calls/core-metadata";

export interface KilocodeHeaderInput {
  metadata?: ApiHandlerCreateMessageMetadata;
  organizationId?: string;
  /** Usage attribution when the metadata names none (e.g. "vscode-extension"). */
  feature?: string;
  version?: string;
  editorName?: string;
}

/** Kilocode gateway headers: task, mode, organization (+ project only with one), feature, version. */
export function buildKilocodeHeaders(input: KilocodeHeaderInput): Record<string, string> {
  const { metadata } = input;
  const headers: Record<string, string> = {};
  if (input.editorName) headers["X-KiloCode-EditorName"] = input.editorName;
  if (metadata?.taskId) headers["X-KiloCode-TaskId"] = metadata.taskId;
  if (metadata?.mode) headers["X-KiloCode-Mode"] = metadata.mode;
  if (input.organizationId) {
    headers["X-KiloCode-OrganizationId"] = input.organizationId;
    // Projects are an organization feature; without one the id would attribute usage nowhere.
    if (metadata?.projectId) headers["X-KiloCode-ProjectId"] = metadata.projectId;
  }
  const feature = metadata?.feature ?? input.feature;
  if (feature) headers["X-KiloCode-Feature"] = feature;
  if (input.version) headers["X-KiloCode-Version"] = input.version;
  return headers;
}
