import type { ReactNode } from 'react';

/** The popup's message states (loading, off, unavailable, empty): a title, a line of help, an action. */
export function PopupNotice({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div role="status" className="px-4 py-6 text-center">
      <p className="font-medium text-sm">{title}</p>
      {children && <p className="muted mt-1 text-xs">{children}</p>}
      {action && <div className="mt-3 flex justify-center">{action}</div>}
    </div>
  );
}
