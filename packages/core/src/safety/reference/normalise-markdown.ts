/**
 * Markdown with the formatter's freedom removed: Biome pads table columns and may re-flow blank
 * lines, so generated pages are compared cell by cell, not byte by byte.
 */
export function normaliseMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^:?-+:?$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');
}
