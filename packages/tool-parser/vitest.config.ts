import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README example imports the package by name; tests run it against the sources.
    alias: { "@parallel-tool-calls/tool-parser": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
});
