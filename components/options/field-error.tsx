/**
 * A field's error under it, inside a live region that exists before the error does, so that screen readers
 * announce it when it appears (WCAG 4.1.3); the field points at it with aria-describedby and aria-invalid.
 */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  return (
    <div aria-live="polite">
      {error && (
        <p id={id} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
