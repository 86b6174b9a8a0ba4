import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '../../../src/shared/contract/index.js';
import type { CustodyReason } from '../../../src/shared/domain/custody.js';
import { ReceiptPanel } from '../../../src/renderer/custody/ReceiptPanel.js';
import { item, receipt } from '../../helpers/console-fixtures.js';

const printed = { printed: true as const, printer: 'Reception-Receipts', documentId: 'doc-0123456789abcdef' };

function ownerLineOf(r: ReceiptView): string {
  render(
    <ReceiptPanel logged={{ receipt: r, print: printed, reprinted: false }} printing={false} error={null} corrected={null}
      onCorrect={async () => ({ ok: true })} onPrintAgain={() => undefined} onLogMore={() => undefined} onDone={() => undefined} />,
  );
  const panel = screen.getByRole('region', { name: `Receipt ${r.receiptNumber}` });
  return within(panel).getByText(r.ownerName).closest('p')!.textContent!;
}

const heldFor = (reason: CustodyReason) => [item(101, { reason }), item(102, { reason, kind: 'smart_watch' })];

describe('who a receipt belongs to, on the receipt panel', () => {
  it.each<[string, Partial<ReceiptView>, string]>([
    ['a visitor with an organisation', { ownerName: 'Amira Khan', ownerDetail: 'Kent County Council', items: heldFor('visitor') }, 'Amira Khan · Visitor · Kent County Council'],
    ['a visitor without one', { ownerName: 'Amira Khan', ownerDetail: null, items: heldFor('visitor') }, 'Amira Khan · Visitor'],
    ['a member of staff', { ownerType: 'staff', ownerName: 'Priya Shah', ownerDetail: 'Staff', visitId: null, items: heldFor('staff_own') }, 'Priya Shah · Staff'],
    ['a pupil for the day', { ownerType: 'learner', ownerName: 'Jamie Reid', ownerDetail: 'Pupil, 6B', visitId: null, items: heldFor('learner_day') }, 'Jamie Reid · Pupil, 6B · Held for the day'],
    ['a pupil whose phone was confiscated', { ownerType: 'learner', ownerName: 'Jamie Reid', ownerDetail: 'Pupil', visitId: null, items: heldFor('confiscated') }, 'Jamie Reid · Pupil · Confiscated'],
  ])('says each thing once for %s', (_who, overrides, line) => {
    const text = ownerLineOf(receipt(overrides));
    expect(text).toBe(line);
    expect(text).not.toMatch(/Visitor handover|Staff device|Pupil device/);
  });
});
