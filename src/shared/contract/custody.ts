import { z } from 'zod';
import { DEVICE_KINDS, type DeviceKind } from '../domain/devices.js';
import type { CustodyItemView, OwnerType } from '../domain/custody.js';
import { empty, id, oneOf, optionalText, text } from '../validation.js';
import { type CommandSchema, MAX_SCAN_CODE_INPUT, RECEIPT_LAYOUTS } from './fields.js';
import type { GivenByHand, PrintStatus, SafeOwnerGroup } from './answers.js';

/**
 * Custody: devices logged into the office safe, their receipts, and every way out of the safe (returned,
 * handed on, not handed in, corrected). Prefixes: custody., custody.pendingHandovers.
 */

/** One item logged into the safe; its text fields' lengths are what the logging and correcting forms allow. */
export const custodyItem = z
  .object({
    kind: oneOf(DEVICE_KINDS, 'Choose what kind of device it is.'),
    description: optionalText('Make and colour', 120),
    marks: optionalText('Identifying marks', 200),
    bagSlot: text('Bag or slot number', 20, { missing: 'Enter the bag or slot number.' }),
  })
  .strict();

/** The most items one receipt holds: the logging form stops offering another row here. */
export const MAX_RECEIPT_ITEMS = 20;

/** A pupil as the owner of what is logged: held for the day, or confiscated with a reason. */
export const learnerOwner = z
  .object({
    type: z.literal('learner'),
    name: text("The pupil's name", 80),
    group: optionalText('Class or year group', 40),
    reason: oneOf(['learner_day', 'confiscated'] as const, 'Say whether the device is held for the day or confiscated.'),
    confiscationReason: optionalText('Reason for confiscation', 300),
  })
  .strict()
  .refine((o) => o.reason !== 'confiscated' || o.confiscationReason !== null, {
    error: 'Say why the device was confiscated.',
    path: ['confiscationReason'],
  });

const custodyOwner = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('visitor'), visitId: id('Visit', { missing: 'Choose the visitor.' }) }).strict(),
    z.object({ type: z.literal('staff'), staffId: id('Staff member', { missing: 'Choose the staff member.' }) }).strict(),
    learnerOwner,
  ],
  { error: 'Say whose items these are: a visitor, a staff member or a pupil.' },
);

export const custodyCommands = {
  'custody.pendingHandovers': { role: 'office', input: empty, passive: true },
  'custody.log': {
    role: 'office',
    input: z
      .object({
        handoverId: id('Pending handover').nullable().optional(),
        owner: custodyOwner,
        items: z
          .array(custodyItem, { error: 'The list of items is not valid.' })
          .min(1, { error: 'Add at least one item.' })
          .max(MAX_RECEIPT_ITEMS, { error: `Log at most ${MAX_RECEIPT_ITEMS} items on one receipt.` }),
      })
      .strict(),
  },
  'custody.markNotHandedIn': {
    role: 'office',
    input: z
      .object({ handoverId: id('Pending handover'), note: text('A note', 300, { missing: 'Say what happened, for example "Left it in the car".' }) })
      .strict(),
  },
  'custody.findReceipt': {
    role: 'office',
    input: z.object({ code: z.string({ error: 'Scan or type a receipt code.' }).max(MAX_SCAN_CODE_INPUT, { error: 'That is not a receipt code.' }) }).strict(),
  },
  'custody.searchByOwner': {
    role: 'office',
    input: z.object({ name: text('A name', 80) }).strict(),
  },
  'custody.return': {
    role: 'office',
    input: z
      .object({
        receiptId: id('Receipt'),
        itemIds: z
          .array(id('Item'), { error: 'Choose the items to return.' })
          .min(1, { error: 'Tick at least one item to return.' })
          .max(20, { error: 'At most 20 items at once.' })
          .refine((ids) => new Set(ids).size === ids.length, { error: 'Each item can be returned once.' }),
        returnedTo: text('Who collected it', 120, { missing: 'Enter the name of the person collecting.' }),
        note: optionalText('A note', 300),
      })
      .strict(),
  },
  'custody.handOn': {
    role: 'office',
    input: z
      .object({
        itemId: id('Item'),
        handedTo: text('Who it was handed to', 120, { missing: 'Say who it was handed to.' }),
        reason: text('Why it was handed on', 300, { missing: 'Say why it was handed on.' }),
      })
      .strict(),
  },
  'custody.correct': {
    role: 'office',
    input: z
      .object({
        itemId: id('Item'),
        description: optionalText('Make and colour', 120),
        marks: optionalText('Identifying marks', 200),
        bagSlot: text('Bag or slot number', 20, { missing: 'Enter the bag or slot number.' }),
        reason: text('The reason for the correction', 300, { missing: 'Say why the details are being corrected.' }),
      })
      .strict(),
  },
  'custody.inSafe': { role: 'office', input: empty, passive: true },
  'custody.reprint': {
    role: 'office',
    input: z.object({ receiptId: id('Receipt'), layout: oneOf(RECEIPT_LAYOUTS, 'Choose a receipt layout.').optional() }).strict(),
  },
  // The printer never took it, so staff wrote the receipt number on paper for the owner: who did, and when.
  'custody.markGivenByHand': { role: 'office', input: z.object({ receiptId: id('Receipt') }).strict() },

} as const satisfies Record<string, CommandSchema>;

export interface PendingHandover {
  handoverId: number;
  visitId: number;
  firstName: string;
  lastName: string;
  /** Written family name first (王芳): show it with fullName(), never by joining the parts. */
  familyNameFirst: boolean;
  organisation: string | null;
  declaredAt: string;
  visitorSignedOut: boolean;
  /** What is waiting to be logged into the safe. */
  devices: { kind: DeviceKind; quantity: number }[];
  /** Declared devices the visitor may keep under a device-use approval in force now: not waiting. */
  devicesApproved: { kind: DeviceKind; quantity: number }[];
}

export interface ReceiptView {
  receiptId: number;
  receiptNumber: string;
  ownerType: OwnerType;
  ownerName: string;
  ownerDetail: string | null;
  visitId: number | null;
  visitOpen: boolean;
  createdAt: string;
  createdBy: string;
  /** Copies the print spooler took. 0: never printed (the printer refused, or the app stopped first). */
  printCount: number;
  /** Why a receipt never printed did not, the last time it was tried (null: printed, or never tried). */
  printProblem: string | null;
  /** Written out by hand for the owner because the printer never took it; null otherwise. */
  givenByHand: GivenByHand | null;
  items: CustodyItemView[];
}

export interface CustodyOutputs {
  'custody.pendingHandovers': { handovers: PendingHandover[] };
  'custody.log': { receipt: ReceiptView; print: PrintStatus };
  'custody.markNotHandedIn': { closed: true };
  'custody.findReceipt': ReceiptView;
  'custody.searchByOwner': { receipts: ReceiptView[] };
  'custody.return': { receipt: ReceiptView; visitSignedOut: boolean };
  'custody.handOn': ReceiptView;
  'custody.correct': ReceiptView;
  'custody.inSafe': { owners: SafeOwnerGroup[]; itemCount: number };
  'custody.reprint': { receipt: ReceiptView; print: PrintStatus };
  'custody.markGivenByHand': ReceiptView;
}
