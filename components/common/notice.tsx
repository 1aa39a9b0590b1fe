import type { ReactNode } from 'react';

const STYLES = {
  // The details page: a card in the middle of the page.
  page: {
    box: 'card mx-auto max-w-xl text-center',
    title: 'font-semibold text-xl',
    body: 'muted mt-2 text-sm',
    action: 'mt-4',
  },
  // The popup: compact, announced as a status.
  popup: {
    box: 'px-4 py-6 text-center',
    title: 'font-medium text-sm',
    body: 'muted mt-1 text-xs',
    action: 'mt-3',
  },
} as const;

/** A message state with no data to show (loading, off, missing, failed): a title, a line of help, an action. */
export function Notice({
  variant,
  title,
  children,
  action,
}: {
  variant: keyof typeof STYLES;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const s = STYLES[variant];
  const Title = variant === 'page' ? 'h1' : 'p';
  return (
    <div role={variant === 'popup' ? 'status' : undefined} className={s.box}>
      <Title className={s.title}>{title}</Title>
      {children && <div className={s.body}>{children}</div>}
      {action && <div className={`${s.action} flex justify-center`}>{action}</div>}
    </div>
  );
}
