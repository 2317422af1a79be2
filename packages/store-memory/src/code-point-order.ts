/**
 * Orders strings by Unicode code point, the order SQL stores give with byte-wise (UTF-8)
 * collation. JavaScript's `<` compares UTF-16 code units, which puts astral characters (emoji,
 * rare CJK) before U+E000–U+FFFF and would make the reference store disagree with SQL ones.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}
