import { z } from 'zod';
import { visitsCommands, type VisitsOutputs } from './visits.js';
import { custodyCommands, type CustodyOutputs } from './custody.js';
import { safeguardingCommands, type SafeguardingOutputs } from './safeguarding.js';
import { staffCommands, type StaffOutputs } from './staff.js';
import { operationsCommands, type OperationsOutputs } from './operations.js';
import { adminCommands, type AdminOutputs } from './admin.js';
import { learnersCommands, type LearnersOutputs } from './learners.js';
import type { CommandSchema } from './fields.js';

/**
 * The one table of commands the renderer may call. Each entry names the role it needs, the schema that
 * main validates every input against, and (as a type only) what it answers. Both transports carry exactly
 * these commands, and main must implement every one of them (see src/main/commands/handlers.ts). Each
 * domain keeps its commands and answer types in a file of its own beside this one; this file joins them.
 */

export * from './fields.js';
export * from './answers.js';
export * from './visits.js';
export * from './custody.js';
export * from './safeguarding.js';
export * from './staff.js';
export * from './operations.js';
export * from './admin.js';
export * from './learners.js';

/** Every command, joined from the domain files (a command prefix belongs to one domain; see the README). */
export const commandSchemas = {
  ...visitsCommands,
  ...custodyCommands,
  ...safeguardingCommands,
  ...staffCommands,
  ...operationsCommands,
  ...adminCommands,
  ...learnersCommands,
} as const satisfies Record<string, CommandSchema>;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandSchemas, name);
}

/** What the caller sends (before validation) and what the handler receives (after it). */
export type CommandInput<N extends CommandName> = z.input<(typeof commandSchemas)[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<(typeof commandSchemas)[N]['input']>;

// --- answers ---------------------------------------------------------------------------------------

export interface CommandOutputs
  extends VisitsOutputs, CustodyOutputs, SafeguardingOutputs, StaffOutputs, OperationsOutputs, AdminOutputs, LearnersOutputs {}

export type CommandOutput<N extends CommandName> = CommandOutputs[N];

/** The client side of the contract: what `api.invoke` looks like in the renderer and in tests. */
export type Invoke = <N extends CommandName>(
  name: N,
  input: CommandInput<N>,
) => Promise<import('../domain/errors.js').CommandResult<CommandOutput<N>>>;

/** The one IPC channel; the preload repeats it (sandboxed preloads cannot import), a test keeps them equal. */
export const IPC_CHANNEL = 'safe-hands:invoke';

// A command without a declared answer type fails to compile here.
export type EveryCommandHasAnOutput = { [N in CommandName]: CommandOutputs[N] };
