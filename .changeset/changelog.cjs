// Changelog lines for `changeset version`: the default ones, except that the internal dependency
// bumps of a release are one line instead of one "Updated dependencies" line per changeset.
"use strict";

async function getReleaseLine(changeset) {
  const [first, ...rest] = changeset.summary.split("\n").map((line) => line.trimEnd());
  const commit = changeset.commit ? `${changeset.commit.slice(0, 7)}: ` : "";
  return [`- ${commit}${first}`, ...rest.map((line) => `  ${line}`)].join("\n");
}

async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return "";
  const names = dependenciesUpdated.map((dependency) => `\`${dependency.name}@${dependency.newVersion}\``);
  return `- Dependencies: ${names.join(", ")}`;
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
