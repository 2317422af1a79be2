import { expectTypeOf, test } from 'vitest';
import type { MessageArgs, MessageScalar, MessageValue } from './message-args.js';

test('a message without arguments needs no values', () => {
  expectTypeOf<keyof MessageArgs<'治理方案已提交'>>().toEqualTypeOf<never>();
});

test('simple and formatted arguments are read with their value types', () => {
  type Args =
    MessageArgs<'plan {deadline, date} after {effective, date, long}; lacks {missing, list} of {n, number, integer} ({who})'>;
  expectTypeOf<Args>().toEqualTypeOf<{
    readonly deadline: string | Date;
    readonly effective: string | Date;
    readonly missing: readonly MessageScalar[];
    readonly n: number | bigint;
    readonly who: MessageValue;
  }>();
});

test('labels take a code or a list of codes', () => {
  expectTypeOf<MessageArgs<'隐患处于{state, label, hazardState}'>>().toEqualTypeOf<{
    readonly state: string | readonly string[];
  }>();
});

test('plural bodies are messages: their arguments count, their case words do not', () => {
  type Args = MessageArgs<'{n, plural, =0 {no item} one {# item of {owner}} other {# items}} left'>;
  expectTypeOf<Args>().toEqualTypeOf<{
    readonly n: number | bigint;
    readonly owner: MessageValue;
  }>();
});

test('a select takes one of its named cases, so a misspelt case fails the type check', () => {
  type Args =
    MessageArgs<'{bound, select, latest {after {limit}} earliest {before {limit}} other {?}}'>;
  expectTypeOf<Args>().toEqualTypeOf<{
    readonly bound: 'latest' | 'earliest';
    readonly limit: MessageValue;
  }>();
  expectTypeOf<MessageArgs<'{flag, select, true {yes} other {no}}'>>().toEqualTypeOf<{
    readonly flag: 'true' | boolean;
  }>();
  expectTypeOf<MessageArgs<'{x, select, other {any}}'>>().toEqualTypeOf<{ readonly x: string }>();
});

test('an unknown string type needs any values', () => {
  expectTypeOf<MessageArgs<string>>().toEqualTypeOf<Readonly<Record<string, unknown>>>();
});
