import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldByField } from './field-by-field.ts';

describe('fieldByField', () => {
  const entries = { on: v.boolean(), n: v.number(), inner: v.object({ a: v.string(), b: v.string() }) };
  const defaults = { on: true, n: 1, inner: { a: 'A', b: 'B' } };

  it('keeps each valid field and takes the default for each bad or missing one, nested objects too', () => {
    expect(fieldByField(entries, { on: false, n: 'x', inner: { a: 'mine', b: 7 } }, defaults)).toEqual({
      on: false,
      n: 1,
      inner: { a: 'mine', b: 'B' },
    });
    expect(fieldByField(entries, { inner: 'not an object' }, defaults)).toEqual(defaults);
  });

  it('reads only the fields it is given and ignores inherited ones', () => {
    const stored = Object.assign(Object.create({ on: false }), { extra: 1 }) as Record<string, unknown>;
    expect(fieldByField(entries, stored, defaults)).toEqual(defaults);
  });
});
