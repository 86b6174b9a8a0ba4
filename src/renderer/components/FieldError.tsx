/** The "!" mark means an error is never shown by colour alone. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="field-error-mark" aria-hidden="true">!</span>
      {message}
    </p>
  );
}
