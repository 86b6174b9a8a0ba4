import type { CommandInput, CommandOutput } from '../../src/shared/contract/index.js';
import { newVisitor, scalar, type TestApp } from './test-app.js';

/** A visitor who declared a phone and a smart watch at the kiosk, and the office's pending handover for it. */
export async function visitorWithDeclaredDevices(app: TestApp, name = { firstName: 'Zoë', lastName: "O'Brien-Łukasz" }) {
  const visit = await newVisitor(app, { ...name, devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }] });
  const handover = (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers.find((h) => h.visitId === visit.visitId)!;
  return { visit, handover };
}

export const PHONE_AND_WATCH: CommandInput<'custody.log'>['items'] = [
  { kind: 'phone', description: 'Black iPhone, cracked case', marks: 'Sticker of a fox', bagSlot: '12' },
  { kind: 'smart_watch', description: 'Silver Apple Watch', marks: null, bagSlot: '12' },
];

/** Logs the visitor's declared devices into bag 12, as office staff do from the pending handover. */
export async function logIntoSafe(app: TestApp): Promise<CommandOutput<'custody.log'> & { visitId: number }> {
  const { visit, handover } = await visitorWithDeclaredDevices(app);
  const result = await app.ok(
    'custody.log',
    { handoverId: handover.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH },
    'staff',
  );
  return { ...result, visitId: visit.visitId };
}

export async function tokenOf(app: TestApp, receiptId: number): Promise<string> {
  return (await scalar(app, 'SELECT token FROM receipts WHERE id = ?', [receiptId])) as string;
}
