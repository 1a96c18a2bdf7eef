// The one test configuration of the repository: every workspace package's vitest.config.ts is
// `packageTestConfig(import.meta.url)`, so timeouts and reporters are set here only.
import { fileURLToPath } from "node:url";
import { defineConfig, type ViteUserConfig } from "vitest/config";

/** Where each package's JSON report goes; `scripts/summarize-tests.mjs` reads them. */
export const TEST_RESULTS_FILE = ".test-results/vitest.json";

export interface PackageTestOptions {
  /** A package name to resolve to its `src/index.ts`, so README examples that import it run on the sources. */
  selfAlias?: string;
}

export function packageTestConfig(configUrl: string, options: PackageTestOptions = {}): ViteUserConfig {
  return defineConfig({
    test: {
      // Generous: property tests and HTTP tests share two loaded cores in CI.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      reporters: ["default", ["json", { outputFile: TEST_RESULTS_FILE }]],
    },
    ...(options.selfAlias
      ? { resolve: { alias: { [options.selfAlias]: fileURLToPath(new URL("./src/index.ts", configUrl)) } } }
      : {}),
  });
}
