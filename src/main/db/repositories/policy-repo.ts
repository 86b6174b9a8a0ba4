import type { Storage } from '../storage.js';

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

export async function currentPolicy(db: Storage): Promise<PolicyVersion | undefined> {
  const row = (await db.get('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1')) as PolicyRow | undefined;
  return row && toPolicy(row);
}

export async function insertPolicyVersion(
  db: Storage,
  policy: { title: string; summary: string[]; fullText: string; reviewDue: string; createdAt: string; createdBy: number | null },
): Promise<{ id: number; version: number }> {
  const next = ((await db.get('SELECT coalesce(max(version), 0) + 1 AS v FROM policy_versions')) as { v: number }).v;
  const { id } = (await db.get(`INSERT INTO policy_versions (version, title, summary_json, full_text, review_due, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, [next, policy.title, JSON.stringify(policy.summary), policy.fullText, policy.reviewDue, policy.createdAt, policy.createdBy])) as { id: number };
  return { id, version: next };
}

export async function listPolicyVersions(db: Storage): Promise<{
  id: number; version: number; title: string; created_at: string; created_by_name: string | null; review_due: string; acknowledgements: number;
}[]> {
  return (await db.all(`SELECT p.id, p.version, p.title, p.created_at, s.display_name AS created_by_name, p.review_due,
              (SELECT count(*) FROM acknowledgements a WHERE a.policy_version_id = p.id) AS acknowledgements
       FROM policy_versions p LEFT JOIN staff s ON s.id = p.created_by
       ORDER BY p.version DESC`)) as never;
}

export async function latestReview(db: Storage, policyVersionId: number): Promise<{ reviewed_at: string; reviewed_by_name: string; note: string; next_review_due: string } | undefined> {
  return (await db.get(`SELECT r.reviewed_at, s.display_name AS reviewed_by_name, r.note, r.next_review_due
       FROM policy_reviews r JOIN staff s ON s.id = r.reviewed_by
       WHERE r.policy_version_id = ? ORDER BY r.id DESC LIMIT 1`, [policyVersionId])) as never;
}

export async function insertReview(db: Storage, r: { policyVersionId: number; reviewedAt: string; reviewedBy: number; note: string; nextReviewDue: string }): Promise<number> {
  const row = (await db.get(`INSERT INTO policy_reviews (policy_version_id, reviewed_at, reviewed_by, note, next_review_due)
       VALUES (@policyVersionId, @reviewedAt, @reviewedBy, @note, @nextReviewDue) RETURNING id`, r)) as { id: number };
  return row.id;
}
