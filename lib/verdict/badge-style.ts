import type { VerdictResult } from '../evidence/types.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import type { ItemState } from '../messages/protocol.ts';

export interface BadgeStyle {
  /** Short label for lists and the accessible name (locales/*.yml). */
  labelKey: MessageKey;
  /** One glyph drawn inside the badge (kept in text so no image requests are made on the page). */
  glyph: string;
  /** Background and foreground colours (WCAG AA contrast on white text). */
  bg: string;
  fg: string;
  /** Dotted outline for "could not check", so it never reads as "no provenance". */
  dotted?: boolean;
}

/** One visual language for the overlay, the popup and the details page (docs/architecture.md "Badge precedence"). */
export const BADGE_STYLES: Record<ItemState, BadgeStyle> = {
  tampered: { labelKey: 'badge.tampered', glyph: '!', bg: '#b91c1c', fg: '#ffffff' },
  'ai-generated': { labelKey: 'badge.aiGenerated', glyph: 'AI', bg: '#6d28d9', fg: '#ffffff' },
  verified: { labelKey: 'badge.verified', glyph: '✓', bg: '#15803d', fg: '#ffffff' },
  registered: { labelKey: 'badge.registered', glyph: '◆', bg: '#1d4ed8', fg: '#ffffff' },
  'unknown-signer': { labelKey: 'badge.unknownSigner', glyph: '?', bg: '#b45309', fg: '#ffffff' },
  'no-provenance': { labelKey: 'badge.noProvenance', glyph: '–', bg: '#4b5563', fg: '#ffffff' },
  error: { labelKey: 'badge.error', glyph: '⋯', bg: '#ffffff', fg: '#374151', dotted: true },
  pending: { labelKey: 'badge.pending', glyph: '·', bg: '#e5e7eb', fg: '#374151' },
  'on-request': { labelKey: 'badge.onRequest', glyph: '▶', bg: '#ffffff', fg: '#1e3a8a' },
};

export type BadgeVariant = NonNullable<VerdictResult['variant']>;

/**
 * A verdict's qualifier drawn on the badge's face, not only in its tooltip: an AI label from a signer on
 * none of the user's lists ("unverified": anyone can write one, and false AI labels on real photos are a
 * tactic), and a perceptual match ("look-alike": a lead, never proof).
 */
export const VARIANT_STYLES: Record<BadgeVariant, { suffixKey: MessageKey; glyph?: string }> = {
  unverified: { suffixKey: 'badge.variant.unverified', glyph: 'AI?' },
  lead: { suffixKey: 'badge.variant.lead', glyph: '≈' },
};

/** The style for a state and its optional variant, with its label in the translator's language. */
export function badgeStyle(
  state: ItemState,
  variant: BadgeVariant | undefined,
  t: Translate,
): BadgeStyle & { label: string } {
  const base = BADGE_STYLES[state];
  const v = variant ? VARIANT_STYLES[variant] : undefined;
  if (!v) return { ...base, label: t(base.labelKey) };
  return {
    ...base,
    label: t('badge.withVariant', [t(base.labelKey), t(v.suffixKey)]),
    glyph: v.glyph ?? base.glyph,
  };
}

/** Order used to sort lists and counts: the most important first. */
export const STATE_ORDER: ItemState[] = [
  'tampered',
  'ai-generated',
  'verified',
  'registered',
  'unknown-signer',
  'error',
  'on-request',
  'no-provenance',
  'pending',
];

/** States worth the user's attention: counted on the toolbar badge. */
export const NOTABLE: ReadonlySet<ItemState> = new Set([
  'tampered',
  'ai-generated',
  'verified',
  'registered',
  'unknown-signer',
]);
