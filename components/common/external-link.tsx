import type { ReactNode } from 'react';

/**
 * A link that opens in a new tab without a referrer or an opener: the destination must not learn which
 * extension page (or which item) sent the user there.
 */
export function ExternalLink({
  href,
  children,
  className = '',
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      referrerPolicy="no-referrer"
      className={`link ${className}`}
    >
      {children}
    </a>
  );
}
