import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { CallLog } from "./call-log.js";
import { createMcpTestServer } from "./server.js";

// mcp-test-server [--http] [--awkward-names] [--log <file>]
// Over stdio by default; with --http, Streamable HTTP on 127.0.0.1 (a free port), announced on
// stdout as "listening on <url>".
const { values } = parseArgs({
  options: {
    http: { type: "boolean" },
    "awkward-names": { type: "boolean" },
    log: { type: "string" },
  },
});
const log = new CallLog(values.log);
const awkwardNames = values["awkward-names"] ?? false;

if (!values.http) {
  const server = createMcpTestServer(log, {
    awkwardNames,
    writeRaw: (text) => process.stdout.write(text),
  });
  await server.connect(new StdioServerTransport());
} else {
  // Loaded only for --http: it pulls in the SDK's HTTP stack, which a stdio server never needs.
  const { StreamableHTTPServerTransport } = await import("@modelcontextprotocol/sdk/server/streamableHttp.js");
  const sessions = new Map<string, InstanceType<typeof StreamableHTTPServerTransport>>();
  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text === "" ? undefined : JSON.parse(text);
  };
  const http = createServer(async (req, res) => {
    try {
      const body = req.method === "POST" ? await readBody(req) : undefined;
      const id = req.headers["mcp-session-id"];
      let transport = typeof id === "string" ? sessions.get(id) : undefined;
      if (!transport && req.method === "POST" && isInitializeRequest(body)) {
        const created = new StreamableHTTPServerTransport({
          sessionIdGenerator: randomUUID,
          onsessioninitialized: (sessionId) => {
            sessions.set(sessionId, created);
          },
        });
        created.onclose = () => {
          if (created.sessionId) sessions.delete(created.sessionId);
        };
        await createMcpTestServer(log, { awkwardNames }).connect(created);
        transport = created;
      }
      if (!transport) {
        res
          .writeHead(400, { "content-type": "application/json" })
          .end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: "No valid session" }, id: null }));
        return;
      }
      await transport.handleRequest(req, res, body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  http.listen(0, "127.0.0.1", () => {
    const address = http.address();
    const port = typeof address === "object" && address ? address.port : 0;
    process.stdout.write(`listening on http://127.0.0.1:${port}/mcp\n`);
  });
}
