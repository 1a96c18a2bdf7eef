import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, usageChunk } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { KilocodeOpenrouterHandler } from "../src/index.js";
import { buildKilocodeHeaders } from "../src/kilocode-headers.js";
import { collect, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();
const TOKEN = "kilo-token-abcdef0123";
const ok = () => ({ kind: "stream" as const, events: [{ data: chunk({ content: "ok", finish_reason: "stop" }) }] });

function handler(settings: Record<string, unknown> = {}, options = {}) {
  return new KilocodeOpenrouterHandler(
    {
      kilocodeBaseUrl: `${ctx.server.baseUrl}/`,
      kilocodeToken: TOKEN,
      kilocodeModel: "anthropic/claude-sonnet-4.5",
      ...settings,
    },
    options,
  );
}

describe("KilocodeOpenrouterHandler", () => {
  it("posts to the Kilocode base URL with the token as bearer and the flag with tools", async () => {
    ctx.server.enqueue(ok(), ok());
    await collect(handler().createMessage("s", hello, { taskId: "t", tools: [readFileTool], toolProtocol: "native" }));
    await collect(handler().createMessage("s", hello, { taskId: "t" }));
    const [withTools, without] = ctx.server.requests;
    expect(withTools?.path).toBe("/v1/chat/completions");
    expect(withTools?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(withTools?.body.model).toBe("anthropic/claude-sonnet-4.5");
    expect(withTools?.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect("parallel_tool_calls" in (without?.body ?? {})).toBe(false);
  });

  it("takes the base URL from the options when the settings have none", async () => {
    ctx.server.enqueue(ok());
    const h = new KilocodeOpenrouterHandler({ kilocodeToken: TOKEN }, { baseUrl: ctx.server.baseUrl });
    await collect(h.createMessage("s", hello, { taskId: "t" }));
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("sends task, mode, organization, project, feature and version headers plus the OpenRouter ones", async () => {
    ctx.server.enqueue(ok());
    const h = handler({ kilocodeOrganizationId: "org-1" }, { version: "4.100.0", editorName: "VS Code" });
    await collect(
      h.createMessage("s", hello, {
        taskId: "task-9",
        mode: "code",
        projectId: "git@host:me/repo",
        feature: "parallel-agent",
      }),
    );
    const headers = ctx.server.requests[0]?.headers;
    expect(headers).toMatchObject({
      "x-kilocode-taskid": "task-9",
      "x-kilocode-mode": "code",
      "x-kilocode-organizationid": "org-1",
      "x-kilocode-projectid": "git@host:me/repo",
      "x-kilocode-feature": "parallel-agent",
      "x-kilocode-version": "4.100.0",
      "x-kilocode-editorname": "VS Code",
      "http-referer": "https://kilocode.ai",
      "x-anthropic-beta": "fine-grained-tool-streaming-2025-05-14",
    });
  });

  it("omits the project without an organization and uses the feature option as default", async () => {
    ctx.server.enqueue(ok());
    await collect(
      handler({}, { feature: "vscode-extension" }).createMessage("s", hello, { taskId: "t", projectId: "p" }),
    );
    const headers = ctx.server.requests[0]?.headers ?? {};
    expect(headers["x-kilocode-projectid"]).toBeUndefined();
    expect(headers["x-kilocode-organizationid"]).toBeUndefined();
    expect(headers["x-kilocode-feature"]).toBe("vscode-extension");
  });

  it("bills BYOK requests at the upstream inference cost", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ content: "x" }) },
        {
          data: usageChunk({
            prompt_tokens: 1,
            completion_tokens: 1,
            cost: 0.5,
            is_byok: true,
            cost_details: { upstream_inference_cost: 0.2 },
          }),
        },
      ],
    });
    const chunks = await collect(handler().createMessage("s", hello, { taskId: "t" }));
    expect(chunks.at(-1)).toMatchObject({ type: "usage", totalCost: 0.2 });
  });

  it("buildKilocodeHeaders lets the metadata feature win over the default", () => {
    expect(buildKilocodeHeaders({ metadata: { taskId: "t", feature: "a" }, feature: "b" })["X-KiloCode-Feature"]).toBe(
      "a",
    );
    expect(buildKilocodeHeaders({})).toEqual({});
  });
});
