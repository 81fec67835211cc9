import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { DICTIONARY_V1_TEXT, dictionaryV1 } from './dictionary-v1';

it('the v1 dictionary never changes: every v1 link was compressed against these exact bytes', () => {
  const bytes = dictionaryV1();
  expect(bytes.length).toBe(5301);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(
    '011d557a48794fa42af017d8ce389c12e0754f9adf9ae1c626afe6f7bdf9a907',
  );
});

it('is ASCII and fits in a DEFLATE window with room for the text', () => {
  expect([...DICTIONARY_V1_TEXT].every((c) => c === '\n' || (c >= ' ' && c <= '~'))).toBe(true);
  expect(dictionaryV1().length).toBeLessThan(32768 / 4);
});
