import { packageTestConfig } from "../../vitest.shared.mts";

// README examples import the package by name; tests run them against the sources.
export default packageTestConfig(import.meta.url, { selfAlias: "@parallel-tool-calls/provider-openai-native" });
