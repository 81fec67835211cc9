import { describe, expect, it } from 'vitest';
import {
  describeUsage,
  parseKernelVersion,
  summarizeUsage,
  usageEraOf,
  usageEraOfRelease,
} from './usage';

describe('parseKernelVersion', () => {
  it('reads the numeric head of free-form releases', () => {
    expect(parseKernelVersion('2.6.18-rc5-mm1')).toEqual({ major: 2, minor: 6, patch: 18 });
    expect(parseKernelVersion('4.14.0-rc1-CI-CI_DRM_3118+')).toEqual({
      major: 4,
      minor: 14,
      patch: 0,
    });
    expect(parseKernelVersion('6.8.0-rc7-Patchwork_129026v7-gc4dc92fb1152+')).toEqual({
      major: 6,
      minor: 8,
      patch: 0,
    });
    expect(parseKernelVersion('3.1-rc0')).toEqual({ major: 3, minor: 1, patch: 0 });
    expect(parseKernelVersion('0.128.0.54')).toBeNull();
    expect(parseKernelVersion(null)).toBeNull();
  });
});

describe('usageEraOfRelease', () => {
  it('puts the boundaries at 2.6.30 and 4.14', () => {
    expect(usageEraOfRelease('2.6.18')).toBe('pre-2.6.30');
    expect(usageEraOfRelease('2.6.29-rc8')).toBe('pre-2.6.30');
    expect(usageEraOfRelease('2.6.30-rc1')).toBe('reclaim-fs');
    expect(usageEraOfRelease('4.13.9')).toBe('reclaim-fs');
    expect(usageEraOfRelease('4.14.0-rc1+')).toBe('modern');
    expect(usageEraOfRelease('7.1.0-rc1+')).toBe('modern');
  });
});

describe('usageEraOf', () => {
  it('trusts 6-character strings over anything else', () => {
    expect(usageEraOf({ kernel: '4.15.0', classes: [{ usage: '+.+.+.' }] })).toBe('reclaim-fs');
  });
  it('uses the release when known', () => {
    expect(usageEraOf({ kernel: '2.6.18-rc5-mm1', classes: [{ usage: '--..' }] })).toBe(
      'pre-2.6.30',
    );
    expect(usageEraOf({ kernel: '5.10.2', classes: [{ usage: '+.+.' }] })).toBe('modern');
  });
  it('reads an old bracketed title without ident as pre-2.6.30', () => {
    expect(
      usageEraOf({
        kernel: null,
        classes: [{ usage: '-+..' }],
        headline: '[ INFO: inconsistent lock state ]',
      }),
    ).toBe('pre-2.6.30');
    expect(
      usageEraOf({
        kernel: null,
        classes: [{ usage: '+.+.' }],
        headline: 'WARNING: inconsistent lock state',
      }),
    ).toBe('modern');
  });
  it('says nothing without usage strings or a release', () => {
    expect(usageEraOf({ kernel: null, classes: [] })).toBeNull();
  });
});

describe('describeUsage', () => {
  it('decodes modern strings per state, write then read', () => {
    const s = describeUsage('-.+?', 'modern');
    expect(s.map((x) => [x.context, x.access, x.usedIn, x.enabled])).toEqual([
      ['hardirq', 'write', true, false],
      ['hardirq', 'read', false, false],
      ['softirq', 'write', false, true],
      ['softirq', 'read', true, true],
    ]);
    expect(s[0]!.sentence).toBe('taken in hardirq context');
    expect(s[2]!.sentence).toBe('taken with softirqs enabled');
    expect(s[3]!.sentence).toBe(
      'both: taken for reading in softirq context and with softirqs enabled — this is what lockdep complains about',
    );
  });
  it('decodes the RECLAIM_FS pair of 6-character strings', () => {
    const s = describeUsage('+.+.?.', 'reclaim-fs');
    expect(s[4]).toMatchObject({
      context: 'reclaim-fs',
      access: 'write',
      usedIn: true,
      enabled: true,
    });
    expect(s[4]!.sentence).toMatch(/^both: taken in filesystem-reclaim context/);
  });
  it('decodes pre-2.6.30 strings with their own order and flipped meaning', () => {
    // {-+..}: hardirq-W enabled, softirq-W used in softirq
    const s = describeUsage('-+..', 'pre-2.6.30');
    expect(s.map((x) => [x.context, x.access, x.usedIn, x.enabled])).toEqual([
      ['hardirq', 'write', false, true],
      ['softirq', 'write', true, false],
      ['hardirq', 'read', false, false],
      ['softirq', 'read', false, false],
    ]);
    // the same string read as modern means the opposite for the first state
    expect(describeUsage('-+..', 'modern')[0]).toMatchObject({ usedIn: true, enabled: false });
  });
  it('only allows "?" on old read states', () => {
    expect(describeUsage('..?.', 'pre-2.6.30')[2]).toMatchObject({
      context: 'hardirq',
      access: 'read',
      usedIn: true,
      enabled: true,
    });
    expect(describeUsage('?...', 'pre-2.6.30').map((x) => x.context)).toEqual([
      'softirq',
      'hardirq',
      'softirq',
    ]);
  });
  it('skips mangled characters instead of guessing', () => {
    expect(describeUsage('-.-±', 'pre-2.6.30')).toHaveLength(3);
  });
  it('summarizes the set states on one line', () => {
    expect(summarizeUsage('+.+.', 'modern')).toBe(
      'taken with hardirqs enabled; taken with softirqs enabled',
    );
    expect(summarizeUsage('....', 'modern')).toBe('no irq usage recorded');
  });
});
