/**
 * Type-level reading of a message's arguments, so that raising a violation with a value missing
 * or misspelt fails the type check. It follows the grammar of `parseMessage` token by token (not
 * character by character) to stay cheap for the compiler; the runtime parser remains the judge of
 * well-formedness and rejects any message this reading would misjudge.
 */

type Space = ' ' | '\n' | '\t' | '\r';
type TrimStart<S extends string> = S extends `${Space}${infer R}` ? TrimStart<R> : S;
type TrimEnd<S extends string> = S extends `${infer R}${Space}` ? TrimEnd<R> : S;
type Trim<S extends string> = TrimStart<TrimEnd<S>>;

interface Arg<Name extends string, Format extends string, Cases extends string = never> {
  readonly name: Name;
  readonly format: Format;
  readonly cases: Cases;
}

// Message text up to an unmatched `}` or the end: returns [arguments, rest after that `}`].
type ParseText<S extends string, Acc> = S extends `${infer Text}{${infer AfterOpen}`
  ? Text extends `${string}}${string}`
    ? S extends `${string}}${infer Rest}`
      ? [Acc, Rest]
      : [Acc, '']
    : ParseArgument<AfterOpen, Acc>
  : S extends `${string}}${infer Rest}`
    ? [Acc, Rest]
    : [Acc, ''];

// After `{`: a name, then `}` or `,` and a format.
type ParseArgument<S extends string, Acc> = S extends `${infer Head}}${infer Rest}`
  ? Head extends `${infer Name},${infer AfterName}`
    ? ParseFormat<Trim<Name>, `${AfterName}}${Rest}`, Acc>
    : ParseText<Rest, Acc | Arg<Trim<Head>, 'none'>>
  : [Acc, ''];

// After `name,`: `format}`, `format, style}` or `plural|select|selectordinal, cases}`.
type ParseFormat<
  Name extends string,
  S extends string,
  Acc,
> = S extends `${infer Format},${infer AfterFormat}`
  ? Format extends `${string}}${string}`
    ? CloseSimple<Name, S, Acc>
    : Trim<Format> extends 'plural' | 'select' | 'selectordinal'
      ? ParseCases<Name, Trim<Format>, AfterFormat, Acc, never>
      : AfterFormat extends `${infer Style}}${infer Rest}`
        ? ParseText<Rest, Acc | Arg<Name, `${Trim<Format>},${Trim<Style>}`>>
        : [Acc, '']
  : CloseSimple<Name, S, Acc>;

type CloseSimple<
  Name extends string,
  S extends string,
  Acc,
> = S extends `${infer Format}}${infer Rest}`
  ? ParseText<Rest, Acc | Arg<Name, Trim<Format>>>
  : [Acc, ''];

// `sel {body} sel {body} }`: each body is message text; the selectors type a `select` value.
type ParseCases<
  Name extends string,
  Kind extends string,
  S extends string,
  Acc,
  Selectors extends string,
> =
  TrimStart<S> extends `}${infer Rest}`
    ? ParseText<Rest, Acc | Arg<Name, Kind, Selectors>>
    : S extends `${infer Selector}{${infer Body}`
      ? ParseText<Body, Acc> extends [infer Inner, infer Rest extends string]
        ? ParseCases<Name, Kind, Rest, Inner, Selectors | Trim<Selector>>
        : [Acc, '']
      : [Acc, ''];

/** A value a message can show without a format: text, a number, a flag, or a list of them. */
export type MessageScalar = string | number | bigint | boolean | null;

/** Any value a message argument may receive. */
export type MessageValue = MessageScalar | Date | readonly MessageScalar[];

// A `select` takes one of its named cases (so a misspelt case fails the type check), a boolean
// when it names `true` or `false`, and any string only when `other` is its sole case.
type SelectValue<Cases extends string> = [Exclude<Cases, 'other'>] extends [never]
  ? string
  :
      | Exclude<Cases, 'other'>
      | ([Extract<Cases, 'true' | 'false'>] extends [never] ? never : boolean);

// The value type an argument's format accepts.
type ValueFor<Format extends string, Cases extends string> = Format extends
  | 'plural'
  | 'selectordinal'
  | `number${string}`
  ? number | bigint
  : Format extends 'select'
    ? SelectValue<Cases>
    : Format extends `date${string}` | `time${string}`
      ? string | Date
      : Format extends `list${string}`
        ? readonly MessageScalar[]
        : Format extends `label${string}`
          ? string | readonly string[]
          : MessageValue;

type ArgsOf<S extends string> = ParseText<S, never>[0];

/**
 * The values a message needs, keyed by argument name: `MessageArgs<'lacks {missing, list}'>` is
 * `{ missing: readonly MessageScalar[] }`. A message with no arguments needs `{}`.
 */
export type MessageArgs<S extends string> = string extends S
  ? Readonly<Record<string, unknown>>
  : {
      readonly [A in ArgsOf<S> as A extends Arg<infer N, string, string>
        ? N
        : never]: A extends Arg<string, infer F, infer C> ? ValueFor<F, C> : never;
    };
