import type { StaffRole } from '../../../shared/domain/roles.js';
import { CommandError } from '../../core/command-error.js';
import type { Staff } from '../../db/repositories/staff-repo.js';
import type { ServiceContext } from '../../core/context.js';
import type { PinContext } from './pin-pepper.js';
import { confirmStaff, keepUpgradedPin, refuseShortPin, upgradedPinHash, withStaffPin, type PinEntry, type UsableStaff } from './staff-auth.js';

/** Who decided, as the form sends it: their account, and the PIN they typed just now. */
export interface DeciderPin {
  staffId: number;
  pin: string;
}

/** What a decision asks of the person making it. */
export interface DeciderRule {
  /** Who may decide: checked before the PIN, and again inside the transaction (a role may have gone meanwhile). */
  usable: UsableStaff;
  /** The form field for a PIN too short for the decider's role, or changed while it was being checked. */
  field: string;
  /** Where a wrong PIN is shown and the entry it leaves; left out, it counts as a wrong PIN at the lock screen. */
  wrongPin?: PinEntry;
}

/** What deciderRule needs to say, in one decision's own words. */
export interface DeciderWords {
  /** The form's decider fields: `<form>.staffId` and `<form>.pin`. */
  form: string;
  /** The roles any one of which lets a person decide. */
  roles: readonly StaffRole[];
  /** How the form says who decided ("approved", "agreed"): for "Choose who approved from the list". */
  decided: string;
  /** Why a person without the role is refused, after their name. */
  refusal: (name: string) => string;
  /** The same, in short under the name box. */
  hint: string;
  /** The audit action a wrong PIN leaves. */
  failedAction: string;
}

/**
 * The rule for a decision by an active account holding one of `roles`, checked before the PIN and again when
 * writing; a wrong PIN is shown under the decider's own PIN box and counted against their account.
 */
export function deciderRule(words: DeciderWords): DeciderRule {
  const { form } = words;
  return {
    usable: (staff) => {
      if (!staff || !staff.active) {
        throw new CommandError('not_found', `That person could not be found. Choose who ${words.decided} from the list.`, { [`${form}.staffId`]: `Choose who ${words.decided}.` });
      }
      if (!staff.roles.some((role) => words.roles.includes(role))) {
        throw new CommandError('forbidden', words.refusal(staff.displayName), { [`${form}.staffId`]: words.hint });
      }
      return staff;
    },
    field: `${form}.pin`,
    wrongPin: { field: `${form}.pin`, failedAction: words.failedAction },
  };
}

/**
 * A decision by a named member of staff, at whoever's console this is (a head's agreement, a DSL's approval):
 * the decider types their own PIN now, so the record says who decided, not only who typed it in. Once the PIN
 * is right, `record` runs in one transaction with the decider as they are at that moment and a context that
 * acts as them, for its audit entry; a PIN hash due an upgrade is kept in the same transaction.
 */
export function asDecider<T>(
  ctx: PinContext,
  decider: DeciderPin,
  rule: DeciderRule,
  record: (staff: Staff, deciderCtx: ServiceContext) => T | Promise<T>,
): Promise<T> {
  const { usable, field } = rule;
  return withStaffPin(ctx, decider.staffId, decider.pin, usable, async (checked) => {
    refuseShortPin(checked, decider.pin, field);
    const upgraded = await upgradedPinHash(ctx, checked, decider.pin);
    return ctx.db.transaction(async () => {
      const staff = await confirmStaff(ctx, checked, usable, field);
      // A role given since the check may need a longer PIN.
      refuseShortPin(staff, decider.pin, field);
      const deciderCtx = { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
      const recorded = await record(staff, deciderCtx);
      await keepUpgradedPin(deciderCtx, staff, upgraded);
      return recorded;
    });
  }, rule.wrongPin);
}
