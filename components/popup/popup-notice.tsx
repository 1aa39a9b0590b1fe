import type { ReactNode } from 'react';
import { Notice } from '../common/notice.tsx';

/** The popup's message states (loading, off, unavailable, empty): a title, a line of help, an action. */
export function PopupNotice(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return <Notice variant="popup" {...props} />;
}
