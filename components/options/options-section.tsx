import type { ReactNode } from 'react';

/** One titled block of settings; the id doubles as the anchor the side navigation links to. */
export function OptionsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card scroll-mt-6">
      <h2 id={`${id}-title`} className="font-semibold text-lg">
        {title}
      </h2>
      {description && <p className="muted mt-1 text-sm">{description}</p>}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}
