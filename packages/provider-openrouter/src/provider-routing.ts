import type { ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { ChatProviderRouting } from "@parallel-tool-calls/provider-helpers/internal";

// What settings UIs store for "let OpenRouter choose".
const NO_SPECIFIC_PROVIDER = "[default]";

/** `provider` preferences from the settings, or `undefined` when there are none. */
export function buildProviderRouting(settings: ProviderSettings): ChatProviderRouting | undefined {
  const routing: ChatProviderRouting = {};
  const specific = settings.openRouterSpecificProvider;
  if (specific && specific !== NO_SPECIFIC_PROVIDER) routing.order = [specific];
  if (settings.openRouterProviderDataCollection) routing.data_collection = settings.openRouterProviderDataCollection;
  if (settings.openRouterProviderSort) routing.sort = settings.openRouterProviderSort;
  if (settings.openRouterZdr !== undefined) routing.zdr = settings.openRouterZdr;
  return Object.keys(routing).length > 0 ? routing : undefined;
}
