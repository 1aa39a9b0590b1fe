/** One line of progress for long runs (`register` over thousands of files): bar, counts, and what it says. */
export function progressBar(done: number, total: number, label: string, width = 24): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
}
