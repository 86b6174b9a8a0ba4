/** The one-line report of the last thing done, read out when it appears. */
export function Notice({ text }: { text: string | null }) {
  return (
    <div role="status" className="notice-slot">
      {text ? <p className="notice"><span aria-hidden="true">✓ </span>{text}</p> : null}
    </div>
  );
}
