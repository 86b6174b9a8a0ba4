import { insertSignature } from '../../db/repositories/signature-repo.js';
import { CommandError } from '../../core/command-error.js';
import type { ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';

/**
 * Keeps the signature drawn on the expectations screen with the acknowledgement just made (`at` is its
 * instant), in the caller's transaction. When the setting asks for one and none came (a kiosk that read
 * its settings before they changed, or a request not from the kiosk), the sign-in is refused as a stale
 * expectations screen is: the kiosk reads its settings again and shows the screen, now with the pad, so
 * the visitor signs and goes on. A signature sent when none is asked for is kept: the visitor drew it.
 */
export async function keepSignature(ctx: ServiceContext, acknowledgementId: number, at: string, signature: string | null | undefined): Promise<void> {
  if (signature == null) {
    if (!await readSetting(ctx.db, 'kiosk.askForSignature')) return;
    throw new CommandError('stale_policy', 'Please sign your name with your finger in the box under the expectations, then tap "I have read and will follow these".');
  }
  await insertSignature(ctx.db, acknowledgementId, signature, at);
}
