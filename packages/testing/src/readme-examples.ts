const RUNNABLE_BLOCK = /```ts runnable\n([\s\S]*?)```/g;

/**
 * The code of every ```ts runnable block of a README, in order: the one definition of what the
 * README checks run (the root `check:readmes` script and the packages' README tests).
 */
export function readmeExamples(markdown: string): string[] {
  return [...markdown.matchAll(RUNNABLE_BLOCK)].map((match) => match[1] ?? "");
}
