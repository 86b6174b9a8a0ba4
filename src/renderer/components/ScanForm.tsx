import type { ReactNode, Ref } from 'react';
import { MAX_SCAN_CODE_INPUT } from '../../shared/contract/index.js';
import { BigButton } from './BigButton.js';
import { TextField } from './TextField.js';

interface ScanFormProps {
  label: string;
  hint: string;
  code: string;
  onCode: (code: string) => void;
  /** Typed codes are sent on Enter or the button; a scanner's burst is handled by useScannerBurst. */
  onSubmit: () => void;
  inputRef: Ref<HTMLInputElement>;
  error: string | null;
  busy: boolean;
  /** The button's word, and what it says while busy ("Find", "Finding…"). */
  action: string;
  busyAction: string;
  /** Read out by screen readers as it changes. */
  status: ReactNode;
}

/** The box a USB scanner types into (receipts, approval records), with its button and a spoken status line. */
export function ScanForm({ label, hint, code, onCode, onSubmit, inputRef, error, busy, action, busyAction, status }: ScanFormProps) {
  return (
    <form
      className="card scan-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="scan-row">
        <TextField
          label={label}
          hint={hint}
          value={code}
          onChange={onCode}
          maxLength={MAX_SCAN_CODE_INPUT}
          autoCapitalize="characters"
          inputRef={inputRef}
          error={error ?? undefined}
          className="scan-field"
        />
        <BigButton type="submit" disabled={busy} className="scan-find">{busy ? busyAction : action}</BigButton>
      </div>
      <p className="muted scan-status" role="status">{status}</p>
    </form>
  );
}
