import { describe, expect, it } from 'vitest';
import { fieldSchemaOf, type IndexedFields, indexed } from './projection-fields.js';

interface Row {
  area: string;
  due: string;
  tags: string[];
}

const fields = (ownIndex?: boolean): IndexedFields<Row> => ({
  area: indexed.text((row: Row) => row.area),
  due: indexed.date((row: Row) => row.due, ownIndex === undefined ? undefined : { ownIndex }),
  tags: indexed.textArray((row: Row) => row.tags),
});

describe('indexed fields without their own index', () => {
  it('S7 the default keeps every scalar field its own index and the signature it always had', () => {
    const schema = fieldSchemaOf('rows', 1, fields(), [['area', 'due']]);
    expect(schema.fields.map((f) => [f.name, f.ownIndex])).toEqual([
      ['area', true],
      ['due', true],
      ['tags', true],
    ]);
    // The form stored tables are registered under: a change here would rebuild every projection.
    expect(schema.signature).toBe(
      '{"projection":"rows","version":1,"fields":[["area","text"],["due","date"],["tags","text_array"]],"indexes":[["area","due"]]}',
    );
    expect(fieldSchemaOf('rows', 1, fields(true), [['area', 'due']]).signature).toBe(
      schema.signature,
    );
  });

  it('S7 ownIndex false is part of the schema: another signature and table key', () => {
    const plain = fieldSchemaOf('rows', 1, fields());
    const lean = fieldSchemaOf('rows', 1, fields(false));
    expect(lean.fields.find((f) => f.name === 'due')?.ownIndex).toBe(false);
    expect(lean.signature).not.toBe(plain.signature);
    expect(lean.key).not.toBe(plain.key);
    // A composite index may still name the field.
    expect(fieldSchemaOf('rows', 1, fields(false), [['area', 'due']]).indexes).toEqual([
      ['area', 'due'],
    ]);
  });

  it('S7 a text array cannot drop its own index, and ownIndex must be a boolean', () => {
    const array = { type: 'text_array', value: () => [], ownIndex: false } as const;
    expect(() => fieldSchemaOf('rows', 1, { tags: array })).toThrow(
      /field "tags" is a text array.*cannot have ownIndex false/,
    );
    const odd = { type: 'text', value: () => null, ownIndex: 'no' as unknown as boolean } as const;
    expect(() => fieldSchemaOf('rows', 1, { area: odd })).toThrow(
      /field "area" has ownIndex no; it must be true or false/,
    );
  });
});
