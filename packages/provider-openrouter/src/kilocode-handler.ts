import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStream,
  CreateMessageOptions,
  MessageParam,
  ModelInfo,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import type { ChatHandlerCore, CostOf, WireUsage } from "@parallel-tool-calls/provider-helpers";
import { KILOCODE_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_MODEL_ID } from "./constants.js";
import { buildKilocodeHeaders } from "./kilocode-headers.js";
import { type OpenRouterHandlerOptions, openRouterCore, sendOpenRouter } from "./openrouter-core.js";

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
 * Same core, body and model rules as {@link OpenRouterHandler}; only connection, cost and headers differ.
 */
export class KilocodeOpenrouterHandler implements ApiHandler {
  readonly providerName = "KiloCode";
  readonly #core: ChatHandlerCore;
  readonly #settings: ProviderSettings;
  readonly #options: KilocodeHandlerOptions;

  constructor(settings: ProviderSettings, options: KilocodeHandlerOptions = {}) {
    this.#settings = settings;
    this.#options = options;
    const connection = {
      baseUrl: settings.kilocodeBaseUrl || options.baseUrl || KILOCODE_DEFAULT_BASE_URL,
      apiKey: settings.kilocodeToken,
      modelId: settings.kilocodeModel || settings.apiModelId || OPENROUTER_DEFAULT_MODEL_ID,
    };
    this.#core = openRouterCore(this.providerName, connection, options, kilocodeCost);
  }

  getModel(): { id: string; info: ModelInfo } {
    return this.#core.model(this.#settings);
  }

  createMessage(
    systemPrompt: string,
    messages: MessageParam[],
    metadata: ApiHandlerCreateMessageMetadata,
    options: CreateMessageOptions = {},
  ): ApiStream {
    const { feature, version, editorName } = this.#options;
    const organizationId = this.#settings.kilocodeOrganizationId;
    const headers = buildKilocodeHeaders({
      metadata,
      ...(organizationId ? { organizationId } : {}),
      ...(feature ? { feature } : {}),
      ...(version ? { version } : {}),
      ...(editorName ? { editorName } : {}),
    });
    return sendOpenRouter(this.#core, this.#settings, { systemPrompt, messages, metadata }, options, headers);
  }
}
