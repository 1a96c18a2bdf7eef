import { type ApiHandler, type ProviderSettings, redactUrl, secretsOfUrl } from "@parallel-tool-calls/core-metadata";
import { KILOCODE_DEFAULT_BASE_URL, OPENROUTER_DEFAULT_BASE_URL } from "@parallel-tool-calls/provider-openrouter";
import { type BuildApiHandlerOptions, buildApiHandler } from "@parallel-tool-calls/providers";
import {
  isStrictModelId,
  STRICT_MODELS,
  startTestServer,
  strictModel,
  type TestServer,
} from "@parallel-tool-calls/testing";
import { apiKeyFor, type CliOptions } from "./cli-args.js";
import { type ScriptedModelOptions, scriptedModel } from "./scripted-model.js";

export const LOCAL_MODEL_ID = "scripted/parallel-reader";
// The embedded server checks nothing, but the handler sends a bearer like any real key.
const LOCAL_KEY = "local-demo-key";

export interface ProviderSetup {
  handler: ApiHandler;
  provider: CliOptions["provider"];
  model: string;
  /** The base URL as printed: credentials in it (`user:key@`, `?key=`) are redacted. */
  baseUrl: string;
  /** Values that must never be printed. */
  secrets: string[];
  /** The embedded server, in local mode. */
  server?: TestServer;
  close(): Promise<void>;
}

/**
 * Starts the embedded test server playing the scripted model. Requests naming one of the server's
 * strict models (`STRICT_MODELS`, e.g. `gemini-3-pro-preview`) get that model's provider data and
 * its history checks on top.
 */
export async function startScriptedServer(options: ScriptedModelOptions = {}): Promise<TestServer> {
  const server = await startTestServer();
  server.setHandler(strictModel((req) => scriptedModel(req.body, options)));
  return server;
}

/** Local settings: a strict model reached directly goes through the OpenAI-compatible handler. */
function localSettings(model: string, baseUrl: string): ProviderSettings {
  if (isStrictModelId(model) && STRICT_MODELS[model].route === "direct") {
    return { apiProvider: "openai-compatible", openAiBaseUrl: baseUrl, openAiApiKey: LOCAL_KEY, openAiModelId: model };
  }
  return {
    apiProvider: "openrouter",
    openRouterBaseUrl: baseUrl,
    openRouterApiKey: LOCAL_KEY,
    openRouterModelId: model,
  };
}

/** The handler for the chosen provider; in local mode it talks to an embedded server it starts. */
export async function createProvider(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  scripted: ScriptedModelOptions = {},
): Promise<ProviderSetup> {
  const key = apiKeyFor(options.provider, env);
  const secrets = key ? [key] : [];
  const noop = async () => {};
  const transport = options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs };
  const handlerOptions: BuildApiHandlerOptions = {
    openrouter: transport,
    kilocode: transport,
    openAICompatible: transport,
  };
  // What the user typed may carry credentials; only a redacted copy is ever shown.
  const shown = (baseUrl: string) => ({ baseUrl: redactUrl(baseUrl), secrets: [...secrets, ...secretsOfUrl(baseUrl)] });
  switch (options.provider) {
    case "local": {
      const server = await startScriptedServer(scripted);
      const model = options.model ?? LOCAL_MODEL_ID;
      return {
        handler: buildApiHandler(localSettings(model, server.baseUrl), handlerOptions),
        provider: "local",
        model,
        baseUrl: server.baseUrl,
        secrets,
        server,
        close: () => server.close(),
      };
    }
    case "openrouter": {
      const baseUrl = options.baseUrl ?? OPENROUTER_DEFAULT_BASE_URL;
      const settings: ProviderSettings = {
        apiProvider: "openrouter",
        openRouterBaseUrl: baseUrl,
        openRouterApiKey: key,
      };
      if (options.model) settings.openRouterModelId = options.model;
      const handler = buildApiHandler(settings, handlerOptions);
      return { handler, provider: "openrouter", model: handler.getModel().id, ...shown(baseUrl), close: noop };
    }
    case "kilocode": {
      const baseUrl = options.baseUrl ?? KILOCODE_DEFAULT_BASE_URL;
      const settings: ProviderSettings = { apiProvider: "kilocode", kilocodeBaseUrl: baseUrl, kilocodeToken: key };
      if (options.model) settings.kilocodeModel = options.model;
      const handler = buildApiHandler(settings, handlerOptions);
      return { handler, provider: "kilocode", model: handler.getModel().id, ...shown(baseUrl), close: noop };
    }
    case "openai-compatible": {
      const baseUrl = options.baseUrl as string;
      const settings: ProviderSettings = {
        apiProvider: "openai-compatible",
        openAiBaseUrl: baseUrl,
        openAiModelId: options.model as string,
      };
      if (key) settings.openAiApiKey = key;
      const handler = buildApiHandler(settings, handlerOptions);
      return {
        handler,
        provider: "openai-compatible",
        model: handler.getModel().id,
        ...shown(baseUrl),
        close: noop,
      };
    }
  }
}
