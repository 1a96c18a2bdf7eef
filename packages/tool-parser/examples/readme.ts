import { NativeToolCallParser, parseMcpToolName } from "@parallel-tool-calls/tool-parser";

// One parser per API request. Feed every entry of `delta.tool_calls[]`, then each finish_reason.
const parser = new NativeToolCallParser({ onWarning: (warning) => console.warn(warning.code, warning.message) });
const events = [
  ...parser.processRawChunk({ index: 0, id: "call_1", name: "read_file", arguments: "" }),
  ...parser.processRawChunk({ index: 0, arguments: '{"path":' }),
  ...parser.processRawChunk({ index: 0, arguments: '"src/app.ts"}' }),
  // Some servers put every parallel call on index 0: a new id is a new call.
  ...parser.processRawChunk({ index: 0, id: "call_2", name: "mcp__github__create_issue", arguments: { title: "Hi" } }),
  ...parser.processFinishReason("tool_calls"),
  ...parser.finalizeRawChunks(), // at the end of the stream
];

for (const event of events) {
  if (event.type === "tool_call_end") {
    console.log(event.id, event.name, event.error ? `error: ${event.error.code}` : event.input);
  }
}
console.log(parseMcpToolName("mcp__github__create_issue"));
