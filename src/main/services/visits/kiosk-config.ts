import type { KioskConfig } from '../../../shared/contract/index.js';
import { currentPolicy } from '../../db/repositories/policy-repo.js';
import { currentLeaflet } from '../../db/repositories/leaflet-repo.js';
import { CommandError } from '../../core/command-error.js';
import type { ServiceContext } from '../../core/context.js';
import { IDLE_WARNING_SECONDS, readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';

export function kioskConfig(ctx: ServiceContext): Omit<KioskConfig, 'logoDataUrl'> {
  requireSetUp(ctx);
  const policy = currentPolicy(ctx.db);
  if (!policy) throw new CommandError('not_set_up', 'No expectations text has been set up yet.');
  return {
    settingName: readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: readSetting(ctx.db, 'setting.kind'),
    idleSeconds: readSetting(ctx.db, 'kiosk.idleSeconds'),
    idleWarningSeconds: IDLE_WARNING_SECONDS,
    consoleLockSeconds: readSetting(ctx.db, 'console.lockSeconds'),
    policy: {
      versionId: policy.id,
      version: policy.version,
      title: policy.title,
      summary: policy.summary,
      fullText: policy.fullText,
    },
    lossAndDamage: readSetting(ctx.db, 'custody.lossAndDamage'),
    leafletAvailable: currentLeaflet(ctx.db) !== undefined,
    askForSignature: readSetting(ctx.db, 'kiosk.askForSignature'),
  };
}
