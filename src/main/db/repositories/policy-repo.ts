import type { Db } from '../connection.js';

export interface PolicyVersion {
  id: number;
  version: number;
  title: string;
  summary: string[];
  fullText: string;
  reviewDue: string;
  createdAt: string;
}

interface PolicyRow {
  id: number;
  version: number;
  title: string;
  summary_json: string;
  full_text: string;
  review_due: string;
  created_at: string;
}

function toPolicy(row: PolicyRow): PolicyVersion {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    summary: JSON.parse(row.summary_json) as string[],
    fullText: row.full_text,
    reviewDue: row.review_due,
    createdAt: row.created_at,
  };
}

export function currentPolicy(db: Db): PolicyVersion | undefined {
  const row = db.prepare('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1').get() as PolicyRow | undefined;
  return row && toPolicy(row);
}

export function insertPolicyVersion(
  db: Db,
  policy: { title: string; summary: string[]; fullText: string; reviewDue: string; createdAt: string; createdBy: number | null },
): { id: number; version: number } {
  const next = (db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM policy_versions').get() as { v: number }).v;
  const result = db
    .prepare(
      `INSERT INTO policy_versions (version, title, summary_json, full_text, review_due, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(next, policy.title, JSON.stringify(policy.summary), policy.fullText, policy.reviewDue, policy.createdAt, policy.createdBy);
  return { id: Number(result.lastInsertRowid), version: next };
}
