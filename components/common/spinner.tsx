/** A small spinner; the label is what screen readers hear (the animation is decoration). */
export function Spinner({ label, className = '' }: { label: string; className?: string }) {
  return (
    <span role="status" className={`inline-flex items-center gap-2 ${className}`}>
      <span
        aria-hidden="true"
        className="inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600 motion-reduce:animate-none dark:border-slate-600 dark:border-t-indigo-400"
      />
      <span>{label}</span>
    </span>
  );
}
