import type { ConcernView } from '../../shared/domain/concerns.js';
import type { FollowUpKind } from './ConcernFollowUps.js';
import { DebriefDialog } from './DebriefDialog.js';
import { LadoOutcomeDialog } from './LadoOutcomeDialog.js';
import { LadoReferralDialog } from './LadoReferralDialog.js';
import { ParentsInformedDialog } from './ParentsInformedDialog.js';
import { PoliceContactDialog } from './PoliceContactDialog.js';

/** The dialog for one kind of follow-up on a concern. */
export function ConcernFollowUpDialog({ kind, concern, isDsl, onClose }: { kind: FollowUpKind; concern: ConcernView; isDsl: boolean; onClose: () => void }) {
  switch (kind) {
    case 'parents':
      return <ParentsInformedDialog concern={concern} isDsl={isDsl} onClose={onClose} />;
    case 'debrief':
      return <DebriefDialog concern={concern} onClose={onClose} />;
    case 'ladoReferral':
      return <LadoReferralDialog concern={concern} onClose={onClose} />;
    case 'ladoOutcome':
      return <LadoOutcomeDialog concern={concern} onClose={onClose} />;
    case 'police':
      return <PoliceContactDialog concern={concern} onClose={onClose} />;
  }
}
