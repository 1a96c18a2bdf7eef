/**
 * Compiles a file glob: `*` and `?` stay within one path segment, `**` crosses segments, `{a,b}`
 * picks one. A pattern without `/` matches the file's base name, like most agents' file filters.
 */
export function compileGlob(pattern: string): (relativePath: string) => boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      source += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") source += "(?:";
    else if (char === "}") source += ")";
    else if (char === ",") source += "|";
    else source += char.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  const regex = new RegExp(`^${source}$`);
  const byBaseName = !pattern.includes("/");
  return (relativePath) => regex.test(byBaseName ? (relativePath.split("/").pop() ?? "") : relativePath);
}
