import { useEffect, useRef } from 'react';
import { BigButton } from '../components/BigButton.js';
import { useCollectStore } from './collect-store.js';
import { useReprintStore } from './reprint-store.js';
import { OwnerSearch } from './OwnerSearch.js';
import { PageHeading } from '../components/PageHeading.js';
import { ReturnView } from './ReturnView.js';
import { ScanForm } from '../components/ScanForm.js';
import { useScannerBurst } from '../lib/useScannerBurst.js';

/** The collection desk: scan or type the receipt, check the person, hand the items back. */
export function CollectPage() {
  const code = useCollectStore((s) => s.code);
  const finding = useCollectStore((s) => s.finding);
  const codeError = useCollectStore((s) => s.codeError);
  const receipt = useCollectStore((s) => s.receipt);
  const searchOpen = useCollectStore((s) => s.searchOpen);
  const focusRequest = useCollectStore((s) => s.focusRequest);
  const setCode = useCollectStore((s) => s.setCode);
  const find = useCollectStore((s) => s.find);
  const openSearch = useCollectStore((s) => s.openSearch);
  const scanRef = useRef<HTMLInputElement>(null);
  const forgetReprints = useReprintStore((s) => s.forget);
  useEffect(() => forgetReprints, [forgetReprints]);

  // The box has the cursor whenever the desk opens, so a scan works without a tap first.
  useEffect(() => {
    scanRef.current?.focus();
  }, [focusRequest]);

  useScannerBurst((scanned) => void find(scanned), scanRef);

  return (
    <>
      <div className="console-heading">
        <PageHeading focus={false}>Collect items</PageHeading>
        {searchOpen ? null : (
          <BigButton variant="secondary" onClick={() => openSearch()}>Lost receipt? Search by name</BigButton>
        )}
      </div>
      <ScanForm
        label="Scan the receipt QR code or type the receipt number"
        hint="A scanner finds the receipt by itself. Typing the number (like 2026-0042)? Press Find."
        code={code}
        onCode={setCode}
        onSubmit={() => void find()}
        inputRef={scanRef}
        error={codeError}
        busy={finding}
        action="Find"
        busyAction="Finding…"
        status={finding ? 'Finding the receipt…' : ''}
      />
      {searchOpen ? <OwnerSearch /> : null}
      {receipt ? <ReturnView /> : null}
    </>
  );
}
