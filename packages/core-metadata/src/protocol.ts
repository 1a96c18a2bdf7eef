import type { ProviderSettings } from "./provider-settings.js";

/** How tools reach the model: as native function tools, or described in the prompt as XML. */
export type ToolProtocol = "native" | "xml";

/** Native unless the settings explicitly ask for XML. */
export function resolveToolProtocol(settings?: Pick<ProviderSettings, "toolProtocol"> | null): ToolProtocol {
  return settings?.toolProtocol === "xml" ? "xml" : "native";
}
