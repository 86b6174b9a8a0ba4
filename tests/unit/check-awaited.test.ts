import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * scripts/check-awaited.mjs run for real (child process, real TypeScript checker) on fixture projects written to
 * a temporary folder. The fixtures live here as text, not as .ts files under tests/, because the project's own
 * typecheck and the checker itself would then report the deliberate mistakes in them.
 *
 * A line the checker must report carries a marker naming the rule; every other line must stay silent, so the
 * good patterns are proved by the exact comparison of the two lists.
 */
const SCRIPT = resolve('scripts', 'check-awaited.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'safe-hands-check-awaited-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SHARED = `
export async function save(n: number): Promise<number> { return n; }
export async function isOpen(): Promise<boolean> { return true; }
// Synchronous despite the names: the checker must go by type, not by name.
export function saveAsync(n: number): number { return n; }
export function isOpenAsync(): boolean { return true; }
export declare const pending: Promise<void> | undefined;
export declare const flag: boolean;
export const items = [1, 2, 3];
`;

const BAD = `import { save, isOpen, flag, items } from './shared.js';

export async function bad(): Promise<unknown> {
  save(1); // expect: floating
  save(2).then((n) => n + 1); // expect: floating
  flag && save(3); // expect: floating
  save(4).catch(() => 0).then((n) => n); // expect: floating
  /* expect: floating */ save(5); // not awaited:
  if (isOpen()) return; // expect: condition
  while (!isOpen()) break; // expect: condition
  const either = isOpen() || flag; // expect: condition
  const which = flag ? 1 : isOpen() ? 2 : 3; // expect: condition
  items.forEach(async (n) => { await save(n); }); // expect: callback
  items.filter((n) => save(n)); // expect: callback
  items.some(save); // expect: callback
  const text = \`saved \${save(6)}\`; // expect: template
  if (save(7) === undefined) return; // expect: comparison
  return [either, which, text];
}
`;

const GOOD = `import { save, isOpen, saveAsync, isOpenAsync, pending, flag, items } from './shared.js';

export async function good(): Promise<unknown> {
  await save(1);
  void save(2);
  save(3).catch(() => 0);
  save(4).then((n) => n, () => 0);
  save(5).catch(() => 0).finally(() => undefined);
  await Promise.all([save(6), save(7)]);
  await Promise.all(items.map(async (n) => save(n)));
  save(8); // not awaited: a fixture showing the opt-out
  save(9)
    .then((n) => n); // not awaited: a chain over several lines takes the comment on its last line
  saveAsync(10);
  if (isOpenAsync()) return 0;
  if (pending) await pending;
  items.forEach((n) => saveAsync(n));
  const both = (await isOpen()) && flag;
  const text = \`saved \${await save(11)}\`;
  if ((await save(12)) === 12) return both;
  let later = save(13);
  later = save(14);
  await later;
  return [text, save(15)];
}

export function handOn(): Promise<number> {
  return save(16);
}
`;

const COMPILER_OPTIONS = {
  strict: true, target: 'ES2023', lib: ['ES2023'], module: 'nodenext', moduleResolution: 'nodenext', types: [], noEmit: true,
};

function writeProject(name: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['*.ts'] }));
  return dir;
}

const RULES: [string, RegExp][] = [
  ['floating', /neither awaited nor handled/],
  ['condition', /used as a condition/],
  ['callback', /async callback passed to/],
  ['template', /template literal/],
  ['comparison', /compares a promise/],
];

function check(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const findings = result.stdout
    .split('\n')
    .map((line) => /^(.+?):(\d+):(\d+) {2}(.*)$/.exec(line))
    .filter((m) => m !== null)
    .map(([, file, line, , rest]) => ({ file, line: Number(line), rule: RULES.find(([, re]) => re.test(rest!))?.[0] ?? rest }));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, findings };
}

function expectedFindings(file: string, text: string) {
  return text.split('\n').flatMap((line, i) => {
    const marker = /(?:\/\/|\/\*) expect: (\w+)/.exec(line);
    return marker ? [{ file, line: i + 1, rule: marker[1] }] : [];
  });
}

describe('check-awaited', { timeout: 60_000 }, () => {
  it('reports each unawaited promise on its own line, and nothing in the awaited, voided or handled code', () => {
    const dir = writeProject('mixed', { 'shared.ts': SHARED, 'bad.ts': BAD, 'good.ts': GOOD });
    const { status, findings, stdout } = check([], dir);

    const expected = expectedFindings('bad.ts', BAD);
    expect(findings).toEqual(expected);
    expect(status, stdout).toBe(1);
    expect(stdout).toContain(`check-awaited: ${expected.length} problem(s) in 3 files (`);
  });

  it('shows where and what: file:line:col, then the code', () => {
    const dir = writeProject('where', { 'shared.ts': SHARED, 'one.ts': "import { save } from './shared.js';\n\n    save(1);\n" });
    const { stdout } = check([join(dir, 'tsconfig.json')], scratch);

    expect(stdout.split('\n')[0]).toMatch(/^[\w.-]+[/\\]one\.ts:3:5 {2}save\(1\) {2}promise is neither awaited nor handled/);
  });

  it('exits 0 on a project with no unawaited promise', () => {
    const dir = writeProject('clean', { 'shared.ts': SHARED, 'good.ts': GOOD });
    const { status, findings, stdout } = check(['tsconfig.json'], dir);

    expect(findings).toEqual([]);
    expect(status, stdout).toBe(0);
  });

  it('refuses a tsconfig that is not there, with a message naming it', () => {
    const { status, stderr, findings } = check(['no-such/tsconfig.json'], scratch);

    expect(status).toBe(2);
    expect(stderr).toContain(join(scratch, 'no-such', 'tsconfig.json'));
    expect(findings).toEqual([]);
  });
});
