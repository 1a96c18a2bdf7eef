/** Deterministic PRNG so every run splits the same way. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINES = [
  "export function handle(request: Request): Response {",
  '  const url = new URL(request.url, "http://localhost");',
  '  if (!url.pathname.startsWith("/api/")) return notFound();',
  '  const body = JSON.stringify({ ok: true, path: url.pathname, tags: ["a", "b"] });',
  '  // Escapes matter: \\n, \\t and "quotes" must survive the round trip.',
  "  for (let i = 0; i < items.length; i++) total += items[i].price * 1.2;",
  '\treturn new Response(body, { status: 200, headers: { "content-type": "application/json" } });',
  "}",
  "",
];

/** A `write_to_file` argument string of about `bytes` characters whose content looks like source code. */
export function codeLikeArguments(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes - 64; i++) {
    const line = LINES[i % LINES.length] ?? "";
    lines.push(line);
    size += JSON.stringify(line).length;
  }
  return JSON.stringify({ path: "src/server/handler.ts", content: lines.join("\n") });
}

export function split(text: string, minSize: number, maxSize: number, seed = 7): string[] {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = minSize + Math.floor(random() * (maxSize - minSize + 1));
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}
