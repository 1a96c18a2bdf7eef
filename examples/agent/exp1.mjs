import picomatch from "picomatch";
import { RE2JS } from "re2js";

const t = (label, fn) => {
  const s = performance.now();
  let r;
  try {
    r = fn();
  } catch (e) {
    r = "ERR " + e.constructor.name + ": " + e.message;
  }
  console.log(label, (performance.now() - s).toFixed(2) + "ms", String(r).slice(0, 300));
};
for (const p of ["a\\/b", "\\u0041", "\\u{1F600}", "(?<n>x)", "\\cA", "[^]", "\\x41", "\\0", "\\k<n>", "$", "\\Z"]) {
  t("raw " + p, () => RE2JS.compile(p).programSize());
  t("tr  " + p, () => RE2JS.translateRegExp(p));
}
for (const g of [
  "*{,}".repeat(12),
  "*.{ts,tsx}",
  "**/*.ts",
  "+(a|aa)*b",
  "{a,b}{c,d}".repeat(10),
  "*".repeat(40) + "b",
  "{1..1000}",
  "{a..z}{a..z}{a..z}",
  "[a-",
  "a/**/b/**/c/**/d",
  "**/".repeat(20) + "x",
  "*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
]) {
  t("pm re " + g.slice(0, 40), () => {
    const r = picomatch.makeRe(g, { dot: true, noextglob: true });
    return r.source.length + " " + r.source.slice(0, 200);
  });
  for (const input of ["a".repeat(4000), "a/".repeat(2000) + "c", ",".repeat(4000)])
    t("  match " + input.slice(0, 4), () => picomatch(g, { dot: true, noextglob: true })(input));
}
