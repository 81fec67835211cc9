import { describe, expect, it } from 'vitest';
import { decodeLockscopeFile, encodeLockscopeFile, looksLikeLockscopeFile } from './lockscope-file';
import { defaultViewState, type ViewState } from './state';
import { SAMPLE_LOG } from './testdata/sample-log';

const STATE: ViewState = {
  ...defaultViewState(SAMPLE_LOG),
  report: 0,
  selection: { kind: 'node', id: '&w-><b>cfg</b>_lock' },
  stepper: { scenario: 'lockdep', index: 2, schedule: '0101' },
};

describe('.lockscope files', () => {
  it('round-trip, as readable JSON with the view before the text', () => {
    const text = encodeLockscopeFile(STATE);
    expect(text.startsWith('{\n  "format": "lockscope/1",\n  "state": {\n    "report": 0,')).toBe(
      true,
    );
    expect(looksLikeLockscopeFile(text)).toBe(true);
    expect(decodeLockscopeFile(text)).toEqual({ ok: true, state: STATE });
  });

  it('are told apart from logs and other JSON by content', () => {
    expect(looksLikeLockscopeFile(SAMPLE_LOG)).toBe(false);
    expect(looksLikeLockscopeFile('{"schema":"lockscope.report/v1"}')).toBe(false);
    expect(looksLikeLockscopeFile(' {"format":"lockscope/2"}')).toBe(true);
  });

  it.each([
    ['nothing like it', 'This is not a .lockscope file (it is not JSON)'],
    [
      '{"format": "lockscope/1", "state": {"inp',
      'This file is damaged or cut off: it is not complete JSON',
    ],
    ['{"schema": 1}', 'This is not a .lockscope file (it has no "format")'],
    ['{"format": "other/1"}', 'This is not a .lockscope file (its format is "other/1")'],
    [
      '{"format": "lockscope/4", "state": {}}',
      'This file was made by a newer lockscope (lockscope/4); this version reads lockscope/1 files',
    ],
    ['{"format": "lockscope/1", "state": {"input": 3}}', 'This file is damaged: it holds no text'],
    ['{"format": "lockscope/1"}', 'This file is damaged: it holds no view'],
  ])('say what is wrong with %j', (text, error) => {
    expect(decodeLockscopeFile(text)).toEqual({ ok: false, error });
  });
});
