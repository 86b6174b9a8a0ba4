import type { KioskConfig } from '../../../shared/contract/index.js';
import { currentPolicy } from '../../db/repositories/policy-repo.js';
import { currentLeaflet } from '../../db/repositories/leaflet-repo.js';
import { CommandError } from '../../core/command-error.js';
import type { ServiceContext } from '../../core/context.js';
import { IDLE_WARNING_SECONDS, readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';

export async function kioskConfig(ctx: ServiceContext): Promise<Omit<KioskConfig, 'logoDataUrl'>> {
  await requireSetUp(ctx);
  const policy = await currentPolicy(ctx.db);
  if (!policy) throw new CommandError('not_set_up', 'No expectations text has been set up yet.');
  return {
    settingName: await readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: await readSetting(ctx.db, 'setting.kind'),
    idleSeconds: await readSetting(ctx.db, 'kiosk.idleSeconds'),
    idleWarningSeconds: IDLE_WARNING_SECONDS,
    consoleLockSeconds: await readSetting(ctx.db, 'console.lockSeconds'),
    policy: {
      versionId: policy.id,
      version: policy.version,
      title: policy.title,
      summary: policy.summary,
      fullText: policy.fullText,
    },
    lossAndDamage: await readSetting(ctx.db, 'custody.lossAndDamage'),
    leafletAvailable: await currentLeaflet(ctx.db) !== undefined,
    askForSignature: await readSetting(ctx.db, 'kiosk.askForSignature'),
  };
}
