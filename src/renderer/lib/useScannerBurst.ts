import { useEffect, useRef, type RefObject } from 'react';

/**
 * A USB barcode scanner is a keyboard that types very fast: the receipt's 26-character code arrives in a
 * burst of keystrokes a few milliseconds apart, usually followed by Enter. No person types 20 characters at
 * under 35 ms each, so a burst like that is a scan and is looked up straight away.
 */
export const SCAN_MIN_LENGTH = 20;
export const SCAN_MAX_AVERAGE_MS = 35;
/** A pause this long between two keys ends a burst: what came before was typed by a person. */
const SCAN_MAX_GAP_MS = 80;
/** Scanners set up without an Enter at the end: a burst that has stopped for this long is submitted. */
const SCAN_SETTLE_MS = 150;
/** The Enter that follows a burst already submitted by the settle timer is swallowed, not sent twice. */
const SCAN_ENTER_GRACE_MS = 400;

export interface KeyStroke {
  char: string;
  at: number;
}

/** The code a scanner typed at the end of these keystrokes, or null when they look like a person typing. */
export function scannedCode(keys: readonly KeyStroke[]): string | null {
  if (keys.length === 0) return null;
  let start = keys.length - 1;
  while (start > 0 && keys[start]!.at - keys[start - 1]!.at < SCAN_MAX_GAP_MS) start -= 1;
  const run = keys.slice(start);
  if (run.length < SCAN_MIN_LENGTH) return null;
  const average = (run[run.length - 1]!.at - run[0]!.at) / (run.length - 1);
  return average < SCAN_MAX_AVERAGE_MS ? run.map((k) => k.char).join('') : null;
}

function isOtherTextEntry(target: EventTarget | null, scanBox: HTMLElement | null): boolean {
  if (!(target instanceof HTMLElement) || target === scanBox) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

/**
 * Listens for scanner bursts anywhere on the page while mounted (in the scan box, or with focus on a
 * button after the last return), and calls `onScan` with exactly the characters of the burst. Bursts
 * typed into another text box (a note, a name) are left alone.
 */
export function useScannerBurst(onScan: (code: string) => void, scanBox: RefObject<HTMLElement | null>): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  useEffect(() => {
    let keys: KeyStroke[] = [];
    let settle: ReturnType<typeof setTimeout> | undefined;
    let scannedAt = Number.NEGATIVE_INFINITY;

    const fire = (code: string) => {
      keys = [];
      scannedAt = performance.now();
      onScanRef.current(code);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isOtherTextEntry(event.target, scanBox.current)) {
        keys = [];
        return;
      }
      const now = performance.now();
      if (event.key === 'Enter') {
        clearTimeout(settle);
        const last = keys[keys.length - 1];
        const code = last && now - last.at < SCAN_MAX_GAP_MS ? scannedCode(keys) : null;
        keys = [];
        if (code !== null) {
          // The scanner's Enter must not also press whatever button has focus, or submit the box twice.
          event.preventDefault();
          event.stopPropagation();
          fire(code);
        } else if (now - scannedAt < SCAN_ENTER_GRACE_MS) {
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      }
      if (event.key.length !== 1) return;
      keys.push({ char: event.key, at: now });
      if (keys.length > 400) keys = keys.slice(-200);
      clearTimeout(settle);
      settle = setTimeout(() => {
        const code = scannedCode(keys);
        if (code !== null) fire(code);
      }, SCAN_SETTLE_MS);
    };

    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      clearTimeout(settle);
    };
  }, [scanBox]);
}
