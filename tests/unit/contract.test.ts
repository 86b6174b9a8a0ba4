import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/shared/contract/index.js';
import { adminCommands } from '../../src/shared/contract/admin.js';
import { custodyCommands } from '../../src/shared/contract/custody.js';
import { operationsCommands } from '../../src/shared/contract/operations.js';
import { safeguardingCommands } from '../../src/shared/contract/safeguarding.js';
import { staffCommands } from '../../src/shared/contract/staff.js';
import { visitsCommands } from '../../src/shared/contract/visits.js';
import { learnersCommands } from '../../src/shared/contract/learners.js';

const DOMAINS = {
  visits: visitsCommands,
  custody: custodyCommands,
  safeguarding: safeguardingCommands,
  staff: staffCommands,
  operations: operationsCommands,
  admin: adminCommands,
  learners: learnersCommands,
};

describe('the contract, one file per domain', () => {
  it('names each command in exactly one domain: joining them loses none to a later one of the same name', () => {
    const named = Object.values(DOMAINS).flatMap((commands) => Object.keys(commands));
    expect(named.length).toBe(new Set(named).size);
    expect(new Set(named)).toEqual(new Set(COMMAND_NAMES));
  });

  it('keeps every command of one prefix in one domain, so a command\'s prefix says where to find it', () => {
    const domainOfPrefix = new Map<string, string[]>();
    for (const [domain, commands] of Object.entries(DOMAINS)) {
      for (const name of Object.keys(commands)) {
        const prefix = name.split('.')[0]!;
        const domains = domainOfPrefix.get(prefix) ?? [];
        if (!domains.includes(domain)) domainOfPrefix.set(prefix, [...domains, domain]);
      }
    }
    const spread = [...domainOfPrefix].filter(([, domains]) => domains.length > 1);
    expect(spread).toEqual([]);
  });
});
