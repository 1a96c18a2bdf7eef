import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // README examples import the package by name; tests run them against the source.
  resolve: {
    alias: { "@parallel-tool-calls/provider-openrouter": fileURLToPath(new URL("src/index.ts", import.meta.url)) },
  },
});
