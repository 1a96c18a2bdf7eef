import { secretsOfHeaders, secretsOfUrl } from "@parallel-tool-calls/core-metadata";

export interface HandlerSecretSources {
  apiKey?: string | undefined;
  /** Headers configured by the user (e.g. `openAiHeaders`): their values may be credentials. */
  headers?: Record<string, string> | undefined;
  /** The base URL: user info and `?key=` style parameters are credentials. */
  baseUrl?: string | undefined;
}

/** Every value a handler must keep out of its errors: the key, configured header values, URL credentials. */
export function handlerSecrets(sources: HandlerSecretSources): string[] {
  const secrets = [...secretsOfHeaders(sources.headers), ...secretsOfUrl(sources.baseUrl)];
  if (sources.apiKey) secrets.unshift(sources.apiKey);
  return [...new Set(secrets)];
}
