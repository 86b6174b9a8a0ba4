import type { PrintStatus } from '../../shared/contract/index.js';
import { Alert } from './Alert.js';

/**
 * A document printed with boxes where a name has letters no font on the computer has: said on screen, in
 * words, so staff check the name now rather than finding an unreadable receipt at collection time.
 */
export function PrintWarning({ print }: { print: Pick<PrintStatus, 'warning'> }) {
  if (!print.warning) return null;
  return (
    <Alert tone="info">
      <strong>Check the printed name.</strong> {print.warning}
    </Alert>
  );
}
