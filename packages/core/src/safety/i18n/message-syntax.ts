/**
 * The message syntax: a subset of ICU MessageFormat 1 that the platform's `Intl` can render
 * without a message-format library (core depends on zod, immer and ulid only).
 *
 * - `{name}` a value; `{name, number}`, `{name, number, integer|percent|cny|plain}`;
 * - `{name, date}` a local date `YYYY-MM-DD`, `{name, datetime}` / `{name, time}` an instant shown
 *   in the policy time zone; styles `short`, `medium`, `long`, `iso`;
 * - `{name, list}` / `{name, list, or}` an array joined the locale's way (`a、b和c`);
 * - `{name, label, group}` a vocabulary code (or an array of codes) shown as its label;
 * - `{name, plural, =0 {…} one {…} other {…}}` with `#` for the number, `{name, selectordinal, …}`;
 * - `{name, select, a {…} other {…}}`.
 *
 * Unlike ICU, there is no apostrophe quoting: `{` and `}` are always syntax and an apostrophe is
 * always literal, which keeps English contractions ("stream's") safe to write.
 */

/** A format a simple argument may name. */
export type SimpleFormat = 'number' | 'date' | 'datetime' | 'time' | 'list' | 'label';

/** One piece of a parsed message. */
export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pound' }
  | {
      readonly kind: 'value';
      readonly name: string;
      readonly format: SimpleFormat | undefined;
      readonly style: string | undefined;
    }
  | {
      readonly kind: 'plural';
      readonly name: string;
      readonly ordinal: boolean;
      readonly cases: Readonly<Record<string, readonly MessagePart[]>>;
    }
  | {
      readonly kind: 'select';
      readonly name: string;
      readonly cases: Readonly<Record<string, readonly MessagePart[]>>;
    };

const simpleFormats: readonly string[] = ['number', 'date', 'datetime', 'time', 'list', 'label'];
const dateStyles = ['short', 'medium', 'long', 'iso'];
const styles: Partial<Record<SimpleFormat, readonly string[]>> = {
  number: ['integer', 'plain', 'percent', 'cny'],
  date: dateStyles,
  datetime: dateStyles,
  time: dateStyles,
  list: ['and', 'or'],
};
const NAME = /^[A-Za-z_$][\w$]*$/;
const SELECTOR = /^(=\d+|[A-Za-z_][\w-]*)$/;

/**
 * Parses a message into parts.
 *
 * @throws TypeError naming the position and the fault (unbalanced brace, bad name, unknown
 * format, a plural or select without `other`), since messages are fixed when a catalog is defined.
 */
export function parseMessage(message: string): readonly MessagePart[] {
  const parser = new Parser(message);
  const parts = parser.parts(false);
  if (parser.at < message.length) parser.fail('unmatched "}"');
  return parts;
}

/** The argument names a parsed message reads, in order of first use. */
export function messageArguments(parts: readonly MessagePart[]): string[] {
  const names: string[] = [];
  const visit = (list: readonly MessagePart[]) => {
    for (const part of list) {
      if (part.kind === 'text' || part.kind === 'pound') continue;
      if (!names.includes(part.name)) names.push(part.name);
      if (part.kind !== 'value') for (const body of Object.values(part.cases)) visit(body);
    }
  };
  visit(parts);
  return names;
}

/** The vocabulary groups a parsed message names in `{x, label, group}` arguments. */
export function messageLabelGroups(parts: readonly MessagePart[]): string[] {
  const groups: string[] = [];
  const visit = (list: readonly MessagePart[]) => {
    for (const part of list) {
      if (part.kind === 'value' && part.format === 'label' && part.style !== undefined) {
        if (!groups.includes(part.style)) groups.push(part.style);
      }
      if (part.kind === 'plural' || part.kind === 'select') {
        for (const body of Object.values(part.cases)) visit(body);
      }
    }
  };
  visit(parts);
  return groups;
}

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  fail(problem: string): never {
    throw new TypeError(`message ${JSON.stringify(this.source)}: ${problem} at ${this.at}`);
  }

  // Text, arguments and (inside a plural body) `#`, up to an unmatched `}` or the end.
  parts(inPlural: boolean): MessagePart[] {
    const parts: MessagePart[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.source.length) {
      const char = this.source[this.at]!;
      if (char === '}') break;
      if (char === '{') {
        flush();
        this.at += 1;
        parts.push(this.argument());
        continue;
      }
      if (char === '#' && inPlural) {
        flush();
        parts.push({ kind: 'pound' });
        this.at += 1;
        continue;
      }
      text += char;
      this.at += 1;
    }
    flush();
    return parts;
  }

  private argument(): MessagePart {
    const name = this.until(',}').trim();
    if (!NAME.test(name)) this.fail(`argument name ${JSON.stringify(name)} is not an identifier`);
    if (this.take() === '}') return { kind: 'value', name, format: undefined, style: undefined };
    const type = this.until(',}').trim();
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      if (this.take() !== ',') this.fail(`${type} of "${name}" needs cases`);
      const cases = this.cases(type !== 'select');
      if (!('other' in cases)) this.fail(`${type} of "${name}" needs an "other" case`);
      return type === 'select'
        ? { kind: 'select', name, cases }
        : { kind: 'plural', name, ordinal: type === 'selectordinal', cases };
    }
    if (!simpleFormats.includes(type)) this.fail(`unknown format "${type}" for "${name}"`);
    const format = type as SimpleFormat;
    if (this.take() === '}') {
      if (format === 'label')
        this.fail(`label of "${name}" needs a group: {${name}, label, group}`);
      return { kind: 'value', name, format, style: undefined };
    }
    const style = this.until('{}').trim();
    if (this.take() !== '}') this.fail(`style of "${name}" may not contain "{"`);
    if (style === '') this.fail(`empty style for "${name}"`);
    if (format === 'label' && !NAME.test(style)) this.fail(`label group "${style}" is not a name`);
    const allowed = styles[format];
    if (allowed !== undefined && !allowed.includes(style)) {
      this.fail(`unknown ${format} style "${style}" (expected ${allowed.join(', ')})`);
    }
    return { kind: 'value', name, format, style };
  }

  private cases(inPlural: boolean): Record<string, readonly MessagePart[]> {
    const cases: Record<string, readonly MessagePart[]> = {};
    for (;;) {
      const selector = this.until('{}').trim();
      const next = this.take();
      if (next === '}' && selector === '') return cases;
      if (next !== '{' || !SELECTOR.test(selector)) {
        this.fail(`bad case selector ${JSON.stringify(selector)}`);
      }
      if (selector in cases) this.fail(`case "${selector}" appears twice`);
      cases[selector] = this.parts(inPlural);
      if (this.take() !== '}') this.fail(`case "${selector}" is not closed`);
    }
  }

  // Reads up to (not including) the first of `stops`, or fails at the end of the message.
  private until(stops: string): string {
    const start = this.at;
    while (this.at < this.source.length && !stops.includes(this.source[this.at]!)) this.at += 1;
    if (this.at >= this.source.length) this.fail('unclosed "{"');
    return this.source.slice(start, this.at);
  }

  private take(): string | undefined {
    const char = this.source[this.at];
    this.at += 1;
    return char;
  }
}
