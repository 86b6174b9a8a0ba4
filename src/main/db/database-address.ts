/**
 * A PostgreSQL database address as an administrator types it (`--database`, SAFE_HANDS_DATABASE_URL), checked
 * before anything starts so a mistyped one is named in words rather than as a connection error. Returns what
 * is wrong, or null when it is usable.
 */
export function databaseAddressProblem(text: string, where: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${where} must be a PostgreSQL address such as postgres://safehands@db.school.lan/safehands, not "${text}".`;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return `${where} must start postgres:// (a PostgreSQL server), not ${url.protocol}//.`;
  }
  if (url.pathname === '' || url.pathname === '/') {
    return `${where} must name the database, e.g. postgres://safehands@${url.host || 'db.school.lan'}/safehands.`;
  }
  return null;
}

/**
 * The database the desk was started on: the switch, else SAFE_HANDS_DATABASE_URL, else null (the SQLite file
 * in the data folder). Throws `refuse(problem)` for an address that cannot be right.
 */
export function chooseDatabase(fromSwitch: string | null, env: NodeJS.ProcessEnv, refuse: (problem: string) => Error): string | null {
  const [text, where] = fromSwitch !== null ? [fromSwitch, '--database'] : [env.SAFE_HANDS_DATABASE_URL?.trim() ?? '', 'SAFE_HANDS_DATABASE_URL'];
  if (text === '') return null;
  const problem = databaseAddressProblem(text, where);
  if (problem) throw refuse(problem);
  return text;
}
