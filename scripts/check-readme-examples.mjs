#!/usr/bin/env node
// Runs every ```ts runnable block of the package READMEs against the built packages, so that the
// examples users copy keep working. Examples that talk to a provider get the local test server's
// address (and throwaway keys) in the same variables a user sets for a real provider, with a
// scripted model that answers any request.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

function exampleEnvironment(baseUrl) {
  return {
    OPENROUTER_BASE_URL: baseUrl,
    OPENROUTER_API_KEY: "sk-or-example",
    OPENAI_BASE_URL: baseUrl,
    OPENAI_API_KEY: "sk-example",
    // The Anthropic SDK appends `/v1/messages` itself.
    ANTHROPIC_BASE_URL: baseUrl.replace(/\/v1$/, ""),
    ANTHROPIC_API_KEY: "sk-ant-example",
  };
}

// The test server (built) plays the example model and holds the one README-example extractor.
const testServer = await import(join(root, "packages", "testing", "dist", "index.js"));
const server = await testServer.startTestServer();
server.setHandler(testServer.exampleRoutes());
const env = { ...process.env };
Object.assign(env, exampleEnvironment(server.baseUrl));

let failures = 0;
let count = 0;
try {
  for (const name of readdirSync(join(root, "packages"))) {
    const dir = join(root, "packages", name);
    const readme = join(dir, "README.md");
    if (!existsSync(readme)) {
      console.error(`✗ ${name}: no README.md`);
      failures++;
      continue;
    }
    for (const [i, code] of testServer.readmeExamples(readFileSync(readme, "utf8")).entries()) {
      // Inside the package folder so that the package can import itself by name.
      const file = join(dir, `.readme-example-${i}.mts`);
      writeFileSync(file, code);
      count++;
      try {
        // Asynchronous, so that the example server in this process keeps answering.
        const { stdout: out } = await run(join(root, "node_modules", ".bin", "tsx"), [file], {
          cwd: dir,
          env,
          encoding: "utf8",
          timeout: 60_000,
        });
        console.log(`✓ ${name} README example ${i + 1}: ${out.trim().split("\n").length} line(s) of output`);
      } catch (error) {
        failures++;
        console.error(`✗ ${name} README example ${i + 1}\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
      } finally {
        rmSync(file, { force: true });
      }
    }
  }
} finally {
  await server.close();
}
if (failures > 0) process.exit(1);
console.log(`${count} README examples ran`);
