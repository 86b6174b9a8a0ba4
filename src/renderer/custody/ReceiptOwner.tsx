import { ownerLine, type CustodyReason, type OwnerType } from '../../shared/domain/custody.js';

/** Whose receipt it is, and in what capacity ("Amira Khan · Visitor · Kent County Council"), said once. */
export function ReceiptOwner({ name, type, detail, reason }: { name: string; type: OwnerType; detail: string | null; reason?: CustodyReason | undefined }) {
  return (
    <p className="receipt-owner">
      <span className="receipt-owner-name">{name}</span>
      <span className="muted"> · {ownerLine(type, detail, reason)}</span>
    </p>
  );
}
