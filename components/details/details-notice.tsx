import type { ReactNode } from 'react';
import { Notice } from '../common/notice.tsx';

/** A full-page message for the states where there is no evidence to show (missing, failed, invalid). */
export function DetailsNotice(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return <Notice variant="page" {...props} />;
}
