import { describe, expect, it } from 'vitest';
import { layoutLabel, wrapClassName } from './label';

describe('wrapClassName', () => {
  it('keeps short names on one line', () => {
    expect(wrapClassName('cpuhp_state', 24)).toEqual(['cpuhp_state']);
  });

  it('breaks after ->, dots and slashes, keeping every character', () => {
    expect(wrapClassName('&sb->s_type->i_mutex_key#5', 16)).toEqual([
      '&sb->s_type->',
      'i_mutex_key#5',
    ]);
    expect(wrapClassName('(work_completion)(&(&dev_priv->mm.free_work)->work)', 20)).toEqual([
      '(work_completion)',
      '(&(&dev_priv->mm.',
      'free_work)->work)',
    ]);
    expect(wrapClassName('kn->active#4/1', 10)).toEqual(['kn->', 'active#4/1']);
  });

  it('falls back to underscores, then to a hard break, and never loses a character', () => {
    expect(wrapClassName('i915_gem_userptr_init_mmu', 12)).toEqual([
      'i915_gem_',
      'userptr_',
      'init_mmu',
    ]);
    expect(wrapClassName('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'xxxxx']);
    const names = [
      '&(&(&pool->lock)->rlock)->rlock',
      'zfsvfs->z_hold_mtx[i]',
      '0x5703A80',
      '<0x00000000d5a7c2c8> (a java.lang.Object)',
      '',
    ];
    for (const name of names)
      for (const width of [4, 7, 12, 30]) {
        const lines = wrapClassName(name, width);
        expect(lines.join('')).toBe(name);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      }
  });
});

describe('layoutLabel', () => {
  it('sizes the node to its longest line and its line count', () => {
    const l = layoutLabel('&sb->s_type->i_mutex_key#5', {
      charWidth: 7,
      lineHeight: 15,
      maxChars: 16,
      padX: 10,
      padY: 8,
    });
    expect(l.text).toBe('&sb->s_type->\ni_mutex_key#5');
    expect(l).toMatchObject({ width: 13 * 7 + 20, height: 2 * 15 + 16 });
  });
});
