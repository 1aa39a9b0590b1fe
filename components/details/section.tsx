import type { ReactNode } from 'react';

/** A titled landmark section (h2 + card). `id` makes it linkable and names the region for screen readers. */
export function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  /** A short status shown at the right of the heading. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold text-lg">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
