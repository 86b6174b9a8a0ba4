import { useState } from 'react';
import type { ActionResult } from '../lib/action-result.js';

/** A confirm dialog's round trip: busy while the store works, its messages kept, closed when it worked. */
export function useDialogAction(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run(action: () => Promise<ActionResult>): Promise<void> {
    if (busy) return;
    setBusy(true);
    const result = await action();
    if (result.ok) {
      onClose();
      return;
    }
    setBusy(false);
    setFields(result.fields);
    // A message that belongs to a field is shown there; only the rest goes at the top.
    setError(Object.values(result.fields).includes(result.message) ? null : result.message);
  }

  function clearField(key: string): void {
    setFields((f) => {
      if (!(key in f)) return f;
      const next = { ...f };
      delete next[key];
      return next;
    });
  }

  return { busy, error, fields, run, clearField };
}
