import type { ApiHandlerCreateMessageMetadata, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import type { CostOf, WireUsage } from "@parallel-tool-calls/provider-helpers";
import { KILOCODE_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_MODEL_ID } from "./constants.js";
import { buildKilocodeHeaders } from "./kilocode-headers.js";
import { type OpenRouterConnection, OpenRouterHandler, type OpenRouterHandlerOptions } from "./openrouter-handler.js";

export interface KilocodeHandlerOptions extends OpenRouterHandlerOptions {
  /** Gateway base URL when the settings have no `kilocodeBaseUrl`. */
  baseUrl?: string;
  /** `X-KiloCode-Feature` when the request metadata names no feature. */
  feature?: string;
  /** `X-KiloCode-Version`. */
  version?: string;
  /** `X-KiloCode-EditorName`. */
  editorName?: string;
}

/** BYOK requests are billed at the upstream's price; others at the gateway's `cost`. */
const kilocodeCost: CostOf = (usage: WireUsage) => {
  if (usage.is_byok) return usage.cost_details?.upstream_inference_cost ?? undefined;
  return typeof usage.cost === "number" ? usage.cost : undefined;
};

/**
 * OpenRouter through the Kilocode gateway: `kilocodeToken` as bearer, `kilocodeModel`,
 * `kilocodeOrganizationId`, `kilocodeBaseUrl`, plus the `X-KiloCode-*` headers on each request.
 */
export class KilocodeOpenrouterHandler extends OpenRouterHandler {
  override readonly providerName: string = "KiloCode";
  readonly #settings: ProviderSettings;
  readonly #options: KilocodeHandlerOptions;

  constructor(settings: ProviderSettings, options: KilocodeHandlerOptions = {}) {
    super(settings, options);
    this.#settings = settings;
    this.#options = options;
  }

  protected override resolveConnection(
    settings: ProviderSettings,
    options: KilocodeHandlerOptions,
  ): OpenRouterConnection {
    return {
      baseUrl: settings.kilocodeBaseUrl || options.baseUrl || KILOCODE_DEFAULT_BASE_URL,
      apiKey: settings.kilocodeToken,
      modelId: settings.kilocodeModel || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
    };
  }

  protected override requestHeaders(metadata: ApiHandlerCreateMessageMetadata | undefined): Record<string, string> {
    const options = this.#options;
    return {
      ...super.requestHeaders(metadata),
      ...buildKilocodeHeaders({
        ...(metadata ? { metadata } : {}),
        ...(this.#settings.kilocodeOrganizationId ? { organizationId: this.#settings.kilocodeOrganizationId } : {}),
        ...(options.feature ? { feature: options.feature } : {}),
        ...(options.version ? { version: options.version } : {}),
        ...(options.editorName ? { editorName: options.editorName } : {}),
      }),
    };
  }

  protected override get costOf(): CostOf {
    return kilocodeCost;
  }
}
