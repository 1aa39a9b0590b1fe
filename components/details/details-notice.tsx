import type { ReactNode } from 'react';

/** A full-page message for the states where there is no evidence to show (missing, failed, invalid). */
export function DetailsNotice({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="card mx-auto max-w-xl text-center">
      <h1 className="font-semibold text-xl">{title}</h1>
      {children && <div className="muted mt-2 text-sm">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}
