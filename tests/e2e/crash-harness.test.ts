import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The full harness (200 crashes, about 2 minutes) is `npm run test:crash`; this short run keeps it working.
describe('the crash harness', () => {
  it('kills the real host mid-workload and finds nothing lost or half-written', async () => {
    const { stdout } = await run(process.execPath, ['tests/crash/run.mjs', '--crashes', '10', '--seed', '3'], { timeout: 90_000 });
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('crashes: 10, acknowledged lost: 0, partial: 0');
    // The workload really ran: sign-ins, handovers and returns were answered before the kills.
    const acknowledged = lines.find((l) => l.startsWith('Acknowledged: '))!;
    for (const command of ['visit.signInNew', 'custody.log', 'visit.signOut']) expect(acknowledged).toMatch(new RegExp(`${command.replace('.', '\\.')} [1-9]`));
  });
});
