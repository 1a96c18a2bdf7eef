import { describe, expect, it } from "vitest";
import { DEFAULT_MCP_LIMITS } from "../src/index.js";
import { toToolOutput } from "../src/result-content.js";

const bounds = DEFAULT_MCP_LIMITS;
const png = Buffer.alloc(300, 1).toString("base64");

describe("toToolOutput", () => {
  it("joins text, embedded resources and notes in order; images become the executor's images", () => {
    const output = toToolOutput(
      {
        content: [
          { type: "text", text: "first" },
          { type: "image", data: png, mimeType: "image/png" },
          { type: "image", data: png, mimeType: "image/svg+xml" },
          { type: "audio", data: png, mimeType: "audio/wav" },
          { type: "resource", resource: { uri: "file:///a.txt", text: "body" } },
          { type: "resource", resource: { uri: "file:///b.bin", mimeType: "application/zip", blob: png } },
          { type: "resource_link", uri: "file:///c", name: "c" },
        ],
      },
      bounds,
    );
    expect(output).toEqual({
      content: [
        "first",
        "[image: image/svg+xml, 300 bytes, not shown]",
        "[audio: audio/wav, 300 bytes, not shown]",
        "[resource file:///a.txt]\nbody",
        "[resource file:///b.bin: application/zip, 300 bytes, not shown]",
        "[resource link file:///c (c)]",
      ].join("\n"),
      images: [{ type: "image", source: { type: "base64", media_type: "image/png", data: png } }],
    });
  });

  it("adds structured content as JSON unless a text part already carries it", () => {
    expect(toToolOutput({ content: [], structuredContent: { a: 1 } }, bounds)).toEqual({ content: '{"a":1}' });
    expect(
      toToolOutput({ content: [{ type: "text", text: '{ "a": 1 }' }], structuredContent: { a: 1 } }, bounds),
    ).toEqual({
      content: '{ "a": 1 }',
    });
  });

  it("keeps isError", () => {
    expect(toToolOutput({ content: [{ type: "text", text: "no" }], isError: true }, bounds)).toEqual({
      content: "no",
      isError: true,
    });
  });

  it("cuts text to maxResultBytes on a character boundary, with a note", () => {
    const text = "é".repeat(40_000); // 80,000 bytes
    const output = toToolOutput({ content: [{ type: "text", text }] }, bounds);
    const content = typeof output === "string" ? output : output.content;
    const [body, note] = content.split("\n");
    expect(Buffer.byteLength(body ?? "")).toBeLessThanOrEqual(32 * 1024);
    expect(body).toBe("é".repeat(16 * 1024));
    expect(note).toBe("(result cut to 32768 of 80000 bytes)");
  });

  it("drops images beyond maxImageBytes with a note", () => {
    const output = toToolOutput(
      {
        content: [
          { type: "image", data: png, mimeType: "image/png" },
          { type: "image", data: png, mimeType: "image/png" },
        ],
      },
      { ...bounds, maxImageBytes: 500 },
    );
    expect(typeof output !== "string" && output.images).toHaveLength(1);
    expect(typeof output !== "string" && output.content).toBe(
      "[image: image/png, 300 bytes, dropped: the result's images exceed 500 bytes]",
    );
  });
});
