import { describe, expect, it } from 'vitest';
import { BADGE_STYLES } from '../verdict/badge-style.ts';
import { toolbarBadge } from './toolbar-badge.ts';

describe('toolbarBadge', () => {
  it('counts notable items in the colour of the most severe', () => {
    expect(toolbarBadge({ verified: 2, tampered: 1, 'no-provenance': 9, pending: 3 })).toEqual({
      text: '3',
      color: BADGE_STYLES.tampered.bg,
    });
  });
  it('is empty when nothing is notable', () => {
    expect(toolbarBadge({ 'no-provenance': 4, error: 1 }).text).toBe('');
  });
  it('caps the text', () => {
    expect(toolbarBadge({ registered: 5000 }).text).toBe('999+');
  });
});
