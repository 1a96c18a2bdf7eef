import type { ApiHandler, ApiStream, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { ChatHandlerCore, CostOf } from "@parallel-tool-calls/provider-helpers/internal";
import { KILOCODE_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_MODEL_ID } from "./constants.js";
import { buildKilocodeHeaders } from "./kilocode-headers.js";
import { type OpenRouterHandlerOptions, openRouterCore } from "./openrouter-core.js";

/** Options of {@link KilocodeOpenrouterHandler}: OpenRouter's, plus the gateway address and headers. */
export interface KilocodeHandlerOptions extends OpenRouterHandlerOptions {
  /** Gateway base URL when the settings have no `kilocodeBaseUrl` (default `KILOCODE_DEFAULT_BASE_URL`). */
  baseUrl?: string;
  /** `X-KiloCode-Feature` when the request metadata names no feature. */
  feature?: string;
  /** `X-KiloCode-Version`. */
  version?: string;
  /** `X-KiloCode-EditorName`. */
  editorName?: string;
}

/** BYOK requests are billed at the upstream's price; others at the gateway's `cost`. */
const kilocodeCost: CostOf = (usage) => {
  if (usage.is_byok) return usage.cost_details?.upstream_inference_cost ?? undefined;
  return typeof usage.cost === "number" ? usage.cost : undefined;
};

/**
 * OpenRouter through the Kilocode gateway: `kilocodeToken` as bearer, `kilocodeModel`,
 * `kilocodeOrganizationId`, `kilocodeBaseUrl`, plus the `X-KiloCode-*` headers on each request.
 * Same core, body and model rules as `OpenRouterHandler`; only connection, cost and headers differ.
 */
export class KilocodeOpenrouterHandler implements ApiHandler {
  /** Display name used in error messages. */
  readonly providerName = "KiloCode";
  readonly #core: ChatHandlerCore;

  constructor(settings: ProviderSettings, options: KilocodeHandlerOptions = {}) {
    const { feature, version, editorName } = options;
    const organizationId = settings.kilocodeOrganizationId;
    this.#core = openRouterCore(
      settings,
      {
        providerName: this.providerName,
        baseUrl: settings.kilocodeBaseUrl || options.baseUrl || KILOCODE_DEFAULT_BASE_URL,
        apiKey: settings.kilocodeToken,
        modelId: settings.kilocodeModel || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
        costOf: kilocodeCost,
        requestHeaders: (metadata) =>
          buildKilocodeHeaders({
            metadata,
            ...(organizationId ? { organizationId } : {}),
            ...(feature ? { feature } : {}),
            ...(version ? { version } : {}),
            ...(editorName ? { editorName } : {}),
          }),
      },
      options,
    );
  }

  /** The model id (`kilocodeModel`, else `apiModelId`, else the default) and `maxTokens`. */
  getModel(): ReturnType<ApiHandler["getModel"]> {
    return this.#core.getModel();
  }

  /** Streams one request through the gateway, with the `X-KiloCode-*` headers of its metadata. */
  createMessage(...request: Parameters<ApiHandler["createMessage"]>): ApiStream {
    return this.#core.createMessage(...request);
  }
}
