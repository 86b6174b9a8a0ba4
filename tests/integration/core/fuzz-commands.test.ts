import { request, Agent } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../src/main/server/http-host.js';
import { carriesPin } from '../../../src/main/server/pin-throttle.js';
import { COMMAND_NAMES, commandSchemas, type CommandName } from '../../../src/shared/contract/index.js';
import { ERROR_CODES, type CommandResult, type ErrorCode } from '../../../src/shared/domain/errors.js';
import { buildSampleTemplate, contextFor, openSampleApp, sampleFor, type SampleApp, type SampleTemplate } from '../../helpers/command-samples.js';
import { describePayload, FUZZ_SEED, malformedFor, nearValidFor } from '../../helpers/malformed.js';
import { ADMIN_PIN, scalar } from '../../helpers/test-app.js';
import { WriteGuard } from '../../helpers/write-guard.js';

/**
 * Every command, fed a few hundred malformed payloads through the dispatcher as the first administrator
 * (office, DSL, admin and head: past every role check), and a sample of commands through the loopback host.
 * Nothing may throw, every answer is a typed result, and a refusal writes nothing. Seeded: a failure
 * reproduces with the same seed and the path fast-check prints.
 */
const RUNS = 200;
/** On top of the 200: the sample with one value changed to another of its type, or removed. */
const NEAR_VALID_RUNS = 60;
const KEY = 'fuzz';

/**
 * A wrong PIN is logged and counted against the account and audited even though the command is refused: by
 * design, and only in these tables.
 */
const PIN_REFUSALS: readonly ErrorCode[] = ['wrong_pin', 'account_locked'];
const PIN_REFUSAL_TABLES = ['audit_log', 'staff', 'staff_pin_failures'];

let template: SampleTemplate;

beforeAll(async () => {
  template = await buildSampleTemplate();
}, 30_000);

afterAll(() => template?.dispose());

/**
 * The owner's console stays unlocked: a valid payload may lock it, change the owner's PIN or roles, or lock
 * the account with wrong PINs. Such a payload was accepted (or refused as designed), so the owner's row is put
 * back directly before the next payload and the console unlocked again through the real command.
 */
async function keepOwnerUnlocked(app: SampleApp, ownerPinHash: string): Promise<void> {
  const owner = app.ids.ownerId;
  const live = app.sessions.peek(KEY);
  if (live?.staffId === owner && (['dsl', 'admin', 'head'] as const).every((r) => live.roles.includes(r))) return;
  const everyRole = (a: CommandResult<unknown>) => a.ok && ['office', 'dsl', 'admin', 'head'].every((r) => (a.value as { roles: string[] }).roles.includes(r));
  let answer = await app.send('staff.unlock', { staffId: owner, pin: ADMIN_PIN }, KEY);
  if (!everyRole(answer)) {
    await app.db.run(`UPDATE staff SET pin_hash = ?, is_office = 1, is_dsl = 1, is_admin = 1, is_head = 1, active = 1, failed_pin_count = 0, locked_until = NULL WHERE id = ?`, [ownerPinHash, owner]);
    await app.db.run('DELETE FROM staff_pin_failures WHERE staff_id = ?', [owner]);
    answer = await app.send('staff.unlock', { staffId: owner, pin: ADMIN_PIN }, KEY);
  }
  expect(answer, 'unlocking the owner between payloads').toMatchObject({ ok: true, value: { staffId: owner } });
  const session = app.sessions.peek(KEY);
  expect(session?.roles, 'the owner keeps every role').toEqual(expect.arrayContaining(['office', 'dsl', 'admin', 'head']));
}

function expectTypedResult(answer: unknown, label: string): asserts answer is CommandResult<unknown> {
  expect(answer, label).toBeTypeOf('object');
  const result = answer as CommandResult<unknown>;
  expect(typeof result.ok, label).toBe('boolean');
  if (!result.ok) {
    expect(ERROR_CODES, label).toContain(result.error.code);
    expect(result.error.message, label).toBeTypeOf('string');
    expect(result.error.message.trim().length, label).toBeGreaterThan(0);
    if (result.error.fields !== undefined) {
      for (const message of Object.values(result.error.fields)) expect(message, label).toBeTypeOf('string');
    }
  }
}

function isValid(name: CommandName, payload: unknown): boolean {
  return commandSchemas[name].input.safeParse(payload === undefined ? {} : payload).success;
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

describe('malformed payloads through the dispatcher', () => {
  it.each(COMMAND_NAMES)('%s: never throws, always a typed answer, a refusal changes nothing', async (name) => {
    const app = await openSampleApp(template);
    const guard = new WriteGuard(app.db);
    const ownerPinHash = (await scalar(app, 'SELECT pin_hash FROM staff WHERE id = ?', [app.ids.ownerId])) as string;
    const sample = sampleFor(name, contextFor(app.ids, 'owner'));
    const tally = { malformed: 0, nearValid: 0, accepted: 0 };
    const hasInput = Object.keys(sample as object).length > 0;

    /** Sends one payload as the owner and checks the answer; returns it for the caller's own checks. */
    const send = async (payload: unknown): Promise<{ answer: CommandResult<unknown>; label: string; changed: () => Promise<string[]> }> => {
      await keepOwnerUnlocked(app, ownerPinHash);
      const changed = await guard.begin();
      const label = `${name} ${describePayload(payload)}`;
      let answer: unknown;
      try {
        answer = await app.dispatch(name, payload, KEY);
      } catch (err) {
        throw new Error(`${label} threw: ${err instanceof Error ? err.stack : String(err)}`);
      }
      expectTypedResult(answer, label);
      return { answer, label, changed };
    };

    try {
      // Payloads the schema refuses: the dispatcher must answer invalid_input before any service runs.
      await fc.assert(
        fc.asyncProperty(
          malformedFor(sample, { ipc: true }).filter((payload) => !isValid(name, payload)),
          async (payload) => {
            tally.malformed++;
            const { answer, label, changed } = await send(payload);
            expect(answer.ok ? 'ok' : answer.error.code, label).toBe('invalid_input');
            expect(await changed(), `${label} was refused but wrote`).toEqual([]);
          },
        ),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );

      // Payloads of the right types with odd values: the services' own rules answer, and a refusal still writes nothing.
      await fc.assert(
        fc.asyncProperty(nearValidFor(sample, { ipc: true }), async (payload) => {
          tally.nearValid++;
          const { answer, label, changed } = await send(payload);
          if (answer.ok) {
            expect(isValid(name, payload), `${label} was accepted but is not valid`).toBe(true);
            tally.accepted++;
            return;
          }
          expect(answer.error.code, `${label}: ${answer.error.message}`).not.toBe('internal');
          const allowed = PIN_REFUSALS.includes(answer.error.code) ? PIN_REFUSAL_TABLES : [];
          expect((await changed()).filter((table) => !allowed.includes(table)), `${label} was refused (${answer.error.code}) but wrote`).toEqual([]);
        }),
        // A command without input has nothing to vary: its one valid payload is sent once.
        { seed: FUZZ_SEED, numRuns: hasInput ? NEAR_VALID_RUNS : 1 },
      );
    } finally {
      await app.dispose();
    }
    expect(tally.malformed).toBeGreaterThanOrEqual(RUNS);
    expect(tally.nearValid).toBeGreaterThanOrEqual(hasInput ? NEAR_VALID_RUNS : 1);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('the write guard the fuzzing relies on', () => {
  it('sees a committed write, and not a rolled-back one', async () => {
    const app = await openSampleApp(template);
    try {
      const guard = new WriteGuard(app.db);
      const rolledBack = await guard.begin();
      await expect(app.db.transaction(async () => {
        await app.db.run(`UPDATE staff SET display_name = 'X' WHERE id = ?`, [app.ids.spareStaffId]);
        throw new Error('roll back');
      })).rejects.toThrow('roll back');
      expect(await rolledBack()).toEqual([]);
      const written = await guard.begin();
      await app.db.run(`UPDATE staff SET display_name = 'Y' WHERE id = ?`, [app.ids.spareStaffId]);
      expect(await written()).toEqual(['staff']);
    } finally {
      await app.dispose();
    }
  });
});

// --- the loopback host ---------------------------------------------------------------------------------

const SECRET = 'fuzz-secret-0123456789abcdefghijkl';
const CLIENT = 'fuzz-client-0123456789abcdef';
/** Commands sent over HTTP: the kiosk's, the office's, the DSL's approval inside an office command, the admin's. */
const HTTP_COMMANDS: readonly CommandName[] = ['visit.signInNew', 'custody.log', 'exception.approve', 'settings.update', 'staff.unlock'];
const HTTP_RUNS_PER_COMMAND = 50;
const REPLY_TIMEOUT_MS = 5_000;

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
}

describe('malformed requests through the loopback host', () => {
  let app: SampleApp;
  let host: HttpHost;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    app = await openSampleApp(template);
    const rendererDir = join(app.dataDir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir });
  });

  afterAll(async () => {
    agent.destroy();
    await host?.close();
    await app?.dispose();
  });

  function post(name: string, body: string | Buffer, contentType = 'application/json'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: host.port,
          path: `/api/${encodeURIComponent(name)}`,
          method: 'POST',
          headers: {
            host: `127.0.0.1:${host.port}`,
            origin: host.origin,
            cookie: `sh_key=${SECRET}`,
            'x-client-id': CLIENT,
            'content-type': contentType,
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks).toString() }));
        },
      );
      req.setTimeout(REPLY_TIMEOUT_MS, () => req.destroy(new Error(`no answer to ${name} within ${REPLY_TIMEOUT_MS} ms: the host hung`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A JSON answer with a typed refusal; never a 500. */
  function expectTypedReply(reply: Reply, label: string): CommandResult<unknown> {
    expect([200, 400, 404, 413, 415, 429], `${label}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`).toContain(reply.status);
    expect(reply.type, label).toMatch(/^application\/json/);
    const parsed = JSON.parse(reply.body) as unknown;
    expectTypedResult(parsed, label);
    if (reply.status !== 200 && reply.status !== 404) expect(parsed.ok, label).toBe(false);
    return parsed;
  }

  it('answers every malformed JSON payload with a typed refusal and changes nothing', async () => {
    const ownerPinHash = (await scalar(app, 'SELECT pin_hash FROM staff WHERE id = ?', [app.ids.ownerId])) as string;
    const guard = new WriteGuard(app.db);
    let sent = 0;
    for (const name of HTTP_COMMANDS) {
      const sample = sampleFor(name, contextFor(app.ids, 'owner'));
      await fc.assert(
        fc.asyncProperty(malformedFor(sample, { ipc: false }), async (payload) => {
          // The host's session for this client is the dispatcher's `http:<client>` key.
          const live = app.sessions.peek(`http:${CLIENT}`);
          if (live?.staffId !== app.ids.ownerId || !live.roles.includes('admin')) {
            await app.db.run('UPDATE staff SET pin_hash = ?, is_dsl = 1, is_admin = 1, active = 1, failed_pin_count = 0, locked_until = NULL WHERE id = ?', [ownerPinHash, app.ids.ownerId]);
            // Straight through the dispatcher: the fuzzing's own wrong PINs may have the host holding this tab back.
            const unlocked = await app.send('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }, `http:${CLIENT}`);
            expect(unlocked.ok, 'unlocking the owner for the HTTP client').toBe(true);
          }
          const changed = await guard.begin();
          const body = JSON.stringify(payload) ?? '';
          const label = `POST ${name} ${describePayload(payload)}`;
          const reply = await post(name, body);
          const answer = expectTypedReply(reply, label);
          // The PIN throttle holds back only requests that carry a PIN.
          if (reply.status === 429) expect(name === 'staff.unlock' || carriesPin(JSON.parse(body === '' ? '{}' : body)), label).toBe(true);
          sent++;
          if (answer.ok) {
            expect(isValid(name, JSON.parse(body === '' ? '{}' : body)), `${label} was accepted but is not valid`).toBe(true);
            return;
          }
          expect(answer.error.code, label).not.toBe('internal');
          const allowed = PIN_REFUSALS.includes(answer.error.code) ? PIN_REFUSAL_TABLES : [];
          expect((await changed()).filter((t) => !allowed.includes(t)), `${label} was refused but wrote`).toEqual([]);
        }),
        { seed: FUZZ_SEED, numRuns: HTTP_RUNS_PER_COMMAND },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(200);
  });

  it('answers bodies that are not JSON with a typed 400 or 413, never a 500 or a hang', async () => {
    const deepButValid = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const fixed: (string | Buffer)[] = [
      '{"a":', '{', '}', 'undefined', 'NaN', "{'pin':'1234'}", '{"pin":1234,}', '\u0000', '\uFEFF{}', '[', '"unterminated',
      '{"__proto__":', '1e999', 'null', 'true', '"text"', '[]', '{"a":1}{"b":2}', '\n\n\n', '   ', deepButValid, '['.repeat(60_000),
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.from([0xc3, 0x28]), Buffer.from('{"firstName":"\xff"}', 'latin1'),
      '{"staffId":1,"pin":"4826"'.padEnd(70_000, ' '),
    ];
    const guard = new WriteGuard(app.db);
    const changed = await guard.begin();
    for (const body of fixed) {
      for (const name of ['visit.signInNew', 'staff.unlock', 'settings.update']) {
        expectTypedReply(await post(name, body), `POST ${name} ${describePayload(body.toString().slice(0, 40))}`);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 200 })), async (raw) => {
        const body = typeof raw === 'string' ? raw : Buffer.from(raw);
        expectTypedReply(await post('visit.signInNew', body), `raw body ${describePayload(body.toString())}`);
      }),
      { seed: FUZZ_SEED, numRuns: 100 },
    );
    // Only valid JSON reaches a command, and none of these is a valid sign-in: nothing was written.
    expect(await changed()).toEqual([]);
  });
});
