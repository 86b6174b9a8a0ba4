import type { z } from 'zod';
import {
  commandSchemas, type AppStatus, type CommandInput, type CommandName, type CommandOutput, type KioskConfig, type ParsedInput,
} from '../../src/shared/contract/index.js';
import { ERROR_CODES, type CommandFailure, type CommandResult } from '../../src/shared/domain/errors.js';
import { setInvokeForTests } from '../../src/renderer/api.js';
import { TEST_NOW } from './test-clock.js';

/**
 * A typed stand-in for main, for component tests. Each handler answers like the real command (an output
 * or a CommandFailure); a command without a handler fails loudly so a test never passes by accident.
 */
type Answer<N extends CommandName> = CommandOutput<N> | CommandFailure;
export type FakeHandlers = Partial<{
  [N in CommandName]: (input: CommandInput<N>) => Answer<N> | Promise<Answer<N>>;
}>;

export interface FakeCall {
  name: CommandName;
  input: unknown;
}

export interface FakeApi {
  handlers: FakeHandlers;
  calls: FakeCall[];
  /** Inputs sent to one command, in order. */
  inputsOf<N extends CommandName>(name: N): CommandInput<N>[];
}

export function fail(code: CommandFailure['code'], message: string, fields?: Record<string, string>): CommandFailure {
  return fields ? { code, message, fields } : { code, message };
}

function isFailure(value: unknown): value is CommandFailure {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

export function installFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeCall[] = [];
  const api: FakeApi = {
    handlers,
    calls,
    inputsOf: <N extends CommandName>(name: N) =>
      calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<N>),
  };
  setInvokeForTests(async <N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<CommandOutput<N>>> => {
    calls.push({ name, input });
    const handler = api.handlers[name] as ((i: CommandInput<N>) => Answer<N> | Promise<Answer<N>>) | undefined;
    if (!handler) return { ok: false, error: { code: 'internal', message: `The fake api has no answer for ${name}.` } };
    const answer = await handler(input);
    return isFailure(answer) ? { ok: false, error: answer } : { ok: true, value: answer as CommandOutput<N> };
  });
  return api;
}

/**
 * A handler that first checks its input against the command's real schema from the contract, as main's
 * dispatcher does, and answers invalid_input (one message, and one per field) when it does not fit. The
 * handler sees the input as main would: parsed, trimmed and transformed. Use it where what the screen
 * sends must be something main would accept, not only something the test expects.
 */
export function checkedByContract<N extends CommandName>(
  name: N,
  handler: (input: ParsedInput<N>) => Answer<N> | Promise<Answer<N>>,
): (input: CommandInput<N>) => Promise<Answer<N>> {
  return async (input) => {
    const parsed = (commandSchemas[name].input as z.ZodType).safeParse(input);
    if (parsed.success) return handler(parsed.data as ParsedInput<N>);
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (path && !(path in fields)) fields[path] = issue.message;
    }
    return fail('invalid_input', parsed.error.issues[0]?.message ?? 'Something in the form is not valid.', fields);
  };
}

// --- fixtures -------------------------------------------------------------------------------------

export const POLICY_VERSION_ID = 7;

export function kioskConfig(overrides: Partial<KioskConfig> = {}): KioskConfig {
  return {
    settingName: 'Little Acorns Nursery',
    logoDataUrl: null,
    settingKind: 'nursery',
    idleSeconds: 90,
    idleWarningSeconds: 30,
    consoleLockSeconds: 300,
    policy: {
      versionId: POLICY_VERSION_ID,
      version: 2,
      title: 'Phones and smart devices: what we ask of visitors',
      summary: ['Please hand your phone to the office.', 'Never take photos of children.'],
      fullText: '### Why we ask\nChildren cannot protect their own privacy.\n\n### Handing in\nThis includes:\n- mobile phones\n- smart watches',
    },
    lossAndDamage: 'Devices handed in are kept locked in the office safe and given back only against their receipt.',
    leafletAvailable: false,
    askForSignature: false,
    ...overrides,
  };
}

/** app.status as the host answers it, at the tests' instant. */
export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return { setUp: true, settingName: kioskConfig().settingName, databaseProblem: null, storageProblem: null, now: TEST_NOW.toISOString(), ...overrides };
}

/** What a set-up kiosk answers before any visitor does anything. */
export function kioskHandlers(config: KioskConfig = kioskConfig()): FakeHandlers {
  return {
    'app.status': () => appStatus({ settingName: config.settingName }),
    'kiosk.config': () => config,
  };
}
