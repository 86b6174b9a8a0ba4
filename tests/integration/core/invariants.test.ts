// Every rule the schema itself enforces (each CHECK and each refusing trigger) refuses the same bad write on
// SQLite and on PostgreSQL, and a refusing trigger says so in the same words on both, since the app shows or
// logs those words. One table of cases, run on both engines against the same rows written with the same SQL.
//
// Each case runs in a savepoint that is rolled back, so every case starts from the fixture below. The case
// list must cover every trigger and every CHECK: a rule added in a later migration without a case here fails
// the coverage assertions at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { migrate, readMigrations } from '../../../src/main/db/migrate.js';
import { migratePostgres, PG_MIGRATIONS_DIR } from '../../../src/main/db/pg-migrate.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

type Value = string | number | null;
type Row = Record<string, Value>;

const lit = (v: Value): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);
const insert = (table: string, row: Row): string =>
  `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(lit).join(', ')})`;
const update = (table: string, id: number, set: Row): string =>
  `UPDATE ${table} SET ${Object.entries(set).map(([k, v]) => `${k} = ${lit(v)}`).join(', ')} WHERE id = ${id}`;
const remove = (table: string, id: number): string => `DELETE FROM ${table} WHERE id = ${id}`;

const T = '2026-01-05T12:00:00.000Z';

/** Takes the year's next receipt number with custody-repo.ts nextReceiptSeq's statement (migration 0028). */
const takeNumber = (year: number): string =>
  `INSERT INTO receipt_numbers (year, last_seq) VALUES (${year}, 1) ON CONFLICT (year) DO UPDATE SET last_seq = receipt_numbers.last_seq + 1`;
const HASH = (c: string) => c.repeat(64);

/**
 * The rows every case starts from: enough of each table for each rule to have something to refuse. Written
 * with the triggers on, so it is itself a history the schema accepts (item 4 was searched, released to a
 * parent and returned; item 5 was handed to the police).
 */
const FIXTURE: string[] = [
  insert('staff', { id: 1, display_name: 'Office', pin_hash: 'h', created_at: T }),
  insert('staff', { id: 2, display_name: 'Head', pin_hash: 'h', is_dsl: 1, is_admin: 1, is_head: 1, created_at: T }),
  insert('staff', { id: 3, display_name: 'Teacher', pin_hash: 'h', is_office: 0, created_at: T }),
  insert('settings', { key: 'school', value_json: '{}', updated_at: T }),
  insert('policy_versions', { id: 1, version: 1, title: 'Expectations', summary_json: '[]', full_text: 'Text', review_due: '2027-01-05', created_at: T, created_by: 2 }),
  insert('visitors', { id: 1, first_name: 'Ada', last_name: 'Lovelace', identity_key: 'ada|lovelace|', created_at: '2026-01-05T09:00:00.000Z' }),
  insert('acknowledgements', { id: 1, visitor_id: 1, policy_version_id: 1, acknowledged_at: '2026-01-05T09:00:00.000Z' }),
  insert('acknowledgements', { id: 2, visitor_id: 1, policy_version_id: 1, acknowledged_at: '2026-01-06T09:00:00.000Z' }),
  // Not a time: the one way to reach the signature's own signed_at CHECK, which its insert trigger otherwise shadows.
  insert('acknowledgements', { id: 3, visitor_id: 1, policy_version_id: 1, acknowledged_at: 'not a time' }),
  insert('visits', { id: 1, visitor_id: 1, visitor_type: 'contractor', visiting: 'Office', acknowledgement_id: 1, signed_in_at: '2026-01-05T09:00:00.000Z' }),
  insert('visits', { id: 2, visitor_id: 1, visitor_type: 'contractor', visiting: 'Office', acknowledgement_id: 2, signed_in_at: '2026-01-06T09:00:00.000Z' }),
  insert('visits', { id: 3, visitor_id: 1, visitor_type: 'contractor', visiting: 'Office', acknowledgement_id: 3, signed_in_at: '2026-01-07T09:00:00.000Z' }),
  insert('handovers', { id: 1, visit_id: 1, status: 'logged', declared_at: '2026-01-05T09:01:00.000Z' }),
  insert('handover_declared_items', { handover_id: 1, kind: 'phone', quantity: 1 }),
  insert('audit_log', { id: 1, at: T, actor_staff: 1, actor_label: 'Office', action: 'visit.sign_in', entity: 'visit', entity_id: 1, detail_json: '{}', prev_hash: '', hash: 'h1' }),
  takeNumber(2026),
  insert('receipts', { id: 1, year: 2026, seq: 1, number: 'R1', token: 'A'.repeat(26), owner_type: 'visitor', visit_id: 1, handover_id: 1, created_at: T, created_by: 1 }),
  takeNumber(2026),
  insert('receipts', { id: 2, year: 2026, seq: 2, number: 'R2', token: 'B'.repeat(26), owner_type: 'learner', learner_name: 'Pupil One', learner_group: '6A', created_at: T, created_by: 1 }),
  takeNumber(2026),
  insert('receipts', { id: 3, year: 2026, seq: 3, number: 'R3', token: 'C'.repeat(26), owner_type: 'staff', staff_owner: 3, created_at: T, created_by: 1 }),
  // Number 1 of 2027 taken and its receipt not yet written, as inside a log: GOOD.receipts is that receipt.
  takeNumber(2027),
  insert('custody_items', { id: 1, receipt_id: 1, kind: 'phone', description: 'black', bag_slot: 'B1', reason: 'visitor', logged_at: '2026-01-05T09:02:00.000Z', logged_by: 1 }),
  insert('custody_items', { id: 2, receipt_id: 2, kind: 'phone', description: 'blue', bag_slot: 'B2', reason: 'confiscated', confiscation_reason: 'used in class', logged_at: '2026-01-05T10:00:30.000Z', logged_by: 1 }),
  insert('custody_items', { id: 3, receipt_id: 3, kind: 'phone', description: 'red', marks: 'scratch', bag_slot: 'B3', reason: 'staff_own', logged_at: '2026-01-05T08:00:00.000Z', logged_by: 1 }),
  insert('custody_items', { id: 4, receipt_id: 2, kind: 'tablet', bag_slot: 'B4', reason: 'confiscated', confiscation_reason: 'games', logged_at: '2026-01-05T10:00:00.000Z', logged_by: 1 }),
  insert('custody_items', { id: 5, receipt_id: 2, kind: 'smart_watch', bag_slot: 'B5', reason: 'confiscated', confiscation_reason: 'images', logged_at: '2026-01-05T10:00:00.000Z', logged_by: 1 }),
  insert('learner_searches', { id: 1, item_id: 2, searched_at: '2026-01-05T11:00:00.000Z', searched_by: 2, consent_from: 'learner', consent_name: 'Pupil One', consent_given_at: '2026-01-05T10:30:00.000Z', looked_at: 'photos', found: 'nothing', content_action: 'none' }),
  insert('learner_searches', { id: 2, item_id: 4, searched_at: '2026-01-05T11:00:00.000Z', searched_by: 2, consent_from: 'parent', consent_name: 'Parent One', consent_relationship: 'mother', consent_given_at: '2026-01-05T10:30:00.000Z', looked_at: 'messages', found: 'threats', content_action: 'deleted', content_detail: 'a message', witness: 'Mr B' }),
  insert('confiscation_releases', { id: 1, item_id: 4, released_at: '2026-01-05T15:30:00.000Z', released_by: 1, parent_name: 'Parent One', relationship: 'other', relationship_other: 'aunt', identity_check: 'other', identity_note: 'known face', early_agreed_by: 2, early_reason: 'appointment', note: 'ok' }),
  insert('police_handovers', { id: 1, item_id: 5, handed_at: '2026-01-05T14:00:00.000Z', handed_by: 1, officer_name: 'PC Smith', officer_number: '1234', police_force: 'Kent Police', police_reference: 'REF1', note: 'sealed bag' }),
  update('custody_items', 4, { state: 'returned', closed_at: '2026-01-05T15:30:00.000Z', closed_by: 1, closed_to: 'Parent One' }),
  update('custody_items', 5, { state: 'handed_on', closed_at: '2026-01-05T14:00:00.000Z', closed_by: 1, closed_to: 'PC Smith', closed_note: 'evidence' }),
  update('custody_items', 3, { state: 'returned', closed_at: '2026-01-05T16:00:00.000Z', closed_by: 1, closed_to: 'Teacher' }),
  insert('custody_corrections', { id: 1, item_id: 1, description: 'black phone', bag_slot: 'B1', reason: 'colour', at: T, by_staff: 1 }),
  insert('policy_reviews', { id: 1, policy_version_id: 1, reviewed_at: T, reviewed_by: 2, note: 'fine', next_review_due: '2027-01-05' }),
  insert('concerns', { id: 1, about_type: 'staff', about_name: 'Mr X', location: 'Hall', what_happened: 'w', action_taken: 'a', raised_at: T, raised_by: 1, status: 'closed', outcome: 'o', reviewed_at: T, reviewed_by: 2 }),
  insert('concerns', { id: 2, about_type: 'visitor', about_name: 'Ada', visit_id: 1, location: 'Hall', what_happened: 'w', action_taken: 'a', raised_at: T, raised_by: 1 }),
  insert('concerns', { id: 3, about_type: 'staff', about_name: 'Mr Y', location: 'Hall', what_happened: 'w', action_taken: 'a', raised_at: T, raised_by: 1, status: 'closed', outcome: 'o', reviewed_at: T, reviewed_by: 2 }),
  insert('bookings', { id: 1, first_name: 'Bob', last_name: 'Builder', visitor_type: 'contractor', host: 'Office', expected_date: '2026-01-10', invite_token: 'D'.repeat(26), created_at: T, created_by: 1 }),
  insert('device_exceptions', { id: 1, visit_id: 1, purpose: 'inspection', devices_json: '[]', permitted_use: 'notes', permitted_areas: 'all', risk_checklist_json: '{}', valid_from: '2026-01-05T09:00:00.000Z', approved_by: 2, approved_at: T, record_token: 'E'.repeat(26) }),
  insert('device_exceptions', { id: 2, booking_id: 1, purpose: 'medical', devices_json: '[]', permitted_use: 'pump', permitted_areas: 'all', conditions: 'c', risk_checklist_json: '{}', risk_notes: 'n', valid_from: T, approved_by: 2, approved_at: T }),
  insert('device_exceptions', { id: 3, visit_id: 2, purpose: 'inspection', devices_json: '[]', permitted_use: 'notes', permitted_areas: 'all', risk_checklist_json: '{}', valid_from: T, approved_by: 2, approved_at: T }),
  insert('roll_calls', { id: 1, taken_at: T, taken_by: 1, note: 'drill', people_json: '[{"name":"Ada"}]', on_site: 2, accounted: 1 }),
  insert('retention_runs', { id: 1, run_at: T, cutoff: T, visitors_removed: 0, visits_cleared: 0, bookings_cleared: 0, custody_cleared: 0 }),
  insert('visitor_name_words', { visitor_id: 1, word: 'lovelace', word_prefix: 'lov', last_signed_in_at: T }),
  insert('staff_pin_failures', { id: 1, staff_id: 1, failed_at: T }),
  insert('concern_parents_informed', { id: 1, concern_id: 2, informed: 1, informed_on: '2026-01-05', informed_time: '12:30', informed_by: 'Office', who_was_told: 'Mother', recorded_at: T, recorded_by: 1 }),
  insert('concern_debriefs', { id: 1, concern_id: 1, lessons_learnt: 'lessons', recorded_at: T, recorded_by: 2 }),
  insert('concern_lado_referrals', { id: 1, concern_id: 1, referred_on: '2026-01-06', lado_reference: 'LADO1', recorded_at: T, recorded_by: 2 }),
  insert('concern_police_contacts', { id: 1, concern_id: 1, contacted_on: '2026-01-06', police_force: 'Kent Police', officer: 'PC A', reference: 'REF2', recorded_at: T, recorded_by: 2 }),
  insert('learner_agreements', { id: 1, pupil_name: 'Pupil Two', pupil_key: 'pupil two', class_group: '6B', device_kind: 'phone', device_description: 'blue', reason: 'walks home', valid_from: '2026-01-05', valid_until: '2026-07-20', agreed_by: 2, recorded_at: T, recorded_by: 1 }),
  insert('learner_exceptions', { id: 1, pupil_name: 'Pupil Three', pupil_key: 'pupil three', class_group: '5A', device_kind: 'phone', device_description: 'glucose', reason: 'medical', permitted_use: 'monitor', expectations: 'e', sanctions: 's', valid_from: '2026-01-05', valid_until: '2026-07-20', approved_by: 2, recorded_at: '2026-01-05T08:30:00.000Z', recorded_by: 1 }),
  insert('staff_days', { id: 1, staff_id: 3, signed_in_at: '2026-01-05T08:00:00.000Z', signed_in_how: 'console' }),
  insert('leaflet_versions', { id: 1, version: 1, title: 'Leaflet', body: 'Body', created_at: T, created_by: 2 }),
  insert('leaflet_prints', { id: 1, visit_id: 1, leaflet_version_id: 1, printed_at: T }),
  insert('staff_device_permissions', { id: 1, staff_id: 3, device_kind: 'phone', device_description: 'own', purpose: 'lessons', permitted_use: 'teaching', permitted_areas: 'classroom', valid_from: '2026-01-05', approved_by: 2, recorded_at: '2026-01-05T08:30:00.000Z', recorded_by: 1 }),
  insert('acknowledgement_signatures', { id: 1, strokes: 'M1 1L2 2L3 3', signed_at: '2026-01-05T09:00:00.000Z' }),
  insert('exception_requests', { id: 1, visit_id: 1, device_kind: 'laptop', purpose: 'reports', requested_at: '2026-01-05T09:05:00.000Z' }),
  insert('staff_badges', { id: 1, staff_id: 3, code_hash: HASH('a'), issued_at: T, issued_by: 1 }),
];

/** A row each table accepts on top of the fixture: a bad write is one of these with one thing wrong. */
const GOOD: Record<string, Row> = {
  staff: { id: 100, display_name: 'New', pin_hash: 'h', created_at: T },
  visitors: { id: 100, first_name: 'A', last_name: 'B', identity_key: 'a|b|', created_at: T },
  visits: { id: 100, visitor_id: 1, visitor_type: 'contractor', visiting: 'Office', acknowledgement_id: 1, signed_in_at: T },
  handovers: { id: 100, visit_id: 2, declared_at: T },
  handover_declared_items: { handover_id: 1, kind: 'tablet', quantity: 1 },
  receipt_numbers: { year: 2028, last_seq: 1 },
  receipts: { id: 100, year: 2027, seq: 1, number: 'R100', token: 'F'.repeat(26), owner_type: 'learner', learner_name: 'P', created_at: T, created_by: 1 },
  custody_items: { id: 100, receipt_id: 1, kind: 'phone', bag_slot: 'B100', reason: 'visitor', logged_at: T, logged_by: 1 },
  concerns: { id: 100, about_type: 'other', about_name: 'x', location: 'l', what_happened: 'w', action_taken: 'a', raised_at: T, raised_by: 1 },
  bookings: { id: 100, first_name: 'A', last_name: 'B', visitor_type: 'c', host: 'h', expected_date: '2026-02-01', invite_token: 'G'.repeat(26), created_at: T, created_by: 1 },
  device_exceptions: { id: 100, visit_id: 2, purpose: 'inspection', devices_json: '[]', permitted_use: 'u', permitted_areas: 'a', risk_checklist_json: '{}', valid_from: T, approved_by: 2, approved_at: T },
  roll_calls: { id: 100, taken_at: T, taken_by: 1, people_json: '[]', on_site: 1, accounted: 1 },
  concern_parents_informed: { id: 100, concern_id: 2, informed: 1, informed_on: '2026-01-05', informed_by: 'Office', recorded_at: T, recorded_by: 2 },
  concern_debriefs: { id: 100, concern_id: 3, lessons_learnt: 'l', recorded_at: T, recorded_by: 2 },
  concern_lado_referrals: { id: 100, concern_id: 3, referred_on: '2026-01-06', lado_reference: 'L', recorded_at: T, recorded_by: 2 },
  concern_police_contacts: { id: 100, concern_id: 2, contacted_on: '2026-01-06', police_force: 'K', officer: 'O', reference: 'R', recorded_at: T, recorded_by: 2 },
  learner_agreements: { id: 100, pupil_name: 'P', pupil_key: 'p', class_group: 'c', device_kind: 'phone', device_description: 'd', reason: 'r', valid_from: '2026-01-05', valid_until: '2026-01-06', agreed_by: 2, recorded_at: T, recorded_by: 1 },
  confiscation_releases: { id: 100, item_id: 2, released_at: '2026-01-05T15:00:00.000Z', released_by: 1, parent_name: 'P', relationship: 'mother', identity_check: 'photo_id' },
  police_handovers: { id: 100, item_id: 2, handed_at: '2026-01-05T15:00:00.000Z', handed_by: 1, officer_name: 'O', police_force: 'K', police_reference: 'R' },
  learner_searches: { id: 100, item_id: 2, searched_at: '2026-01-05T11:00:00.000Z', searched_by: 2, consent_from: 'learner', consent_name: 'P', consent_given_at: '2026-01-05T10:30:00.000Z', looked_at: 'l', found: 'f', content_action: 'none' },
  learner_exceptions: { id: 100, pupil_name: 'P', pupil_key: 'p', class_group: 'c', device_kind: 'phone', device_description: 'd', reason: 'r', permitted_use: 'u', expectations: 'e', sanctions: 's', valid_from: '2026-01-05', valid_until: '2026-01-06', approved_by: 2, recorded_at: '2026-01-05T08:30:00.000Z', recorded_by: 1 },
  staff_days: { id: 100, staff_id: 1, signed_in_at: '2026-01-05T08:00:00.000Z', signed_in_how: 'kiosk' },
  leaflet_versions: { id: 100, version: 2, title: 't', body: 'b', created_at: T, created_by: 2 },
  leaflet_prints: { id: 100, visit_id: 2, leaflet_version_id: 1, printed_at: T },
  staff_device_permissions: { id: 100, staff_id: 1, device_kind: 'phone', device_description: 'd', purpose: 'lessons', permitted_use: 'u', permitted_areas: 'a', valid_from: '2026-01-05', approved_by: 2, recorded_at: '2026-01-05T08:30:00.000Z', recorded_by: 1 },
  acknowledgement_signatures: { id: 2, strokes: 'M1 1L2 2L3 3', signed_at: '2026-01-06T09:00:00.000Z' },
  exception_requests: { id: 100, visit_id: 3, device_kind: 'laptop', purpose: 'p', requested_at: T },
  staff_badges: { id: 100, staff_id: 1, code_hash: HASH('b'), issued_at: T, issued_by: 2 },
};

type Expect = { refusedBy: 'check' } | { refusedBy: 'trigger'; trigger: string } | { refusedBy: 'nothing' };
interface Case { sql: string; expect: Expect }

const bad = (table: string, change: Row): Case => ({ sql: insert(table, { ...GOOD[table]!, ...change }), expect: { refusedBy: 'check' } });
const badUpdate = (table: string, id: number, set: Row): Case => ({ sql: update(table, id, set), expect: { refusedBy: 'check' } });
const refused = (trigger: string, sql: string): Case => ({ sql, expect: { refusedBy: 'trigger', trigger } });
const allowed = (sql: string): Case => ({ sql, expect: { refusedBy: 'nothing' } });

const SIGNED = { signed_on: '2026-01-05', signatures_recorded_at: '2026-01-05T09:00:00.000Z', signatures_recorded_by: 1, signed_by_learner: 'P', signed_by_parent: 'Pa', parent_relationship: 'mother' };
const PERMISSION_SIGNED = { signed_on: '2026-01-05', signature_recorded_at: '2026-01-05T09:00:00.000Z', signature_recorded_by: 1 };
const CLOSED = { closed_at: T, closed_by: 1, closed_to: 'Owner' };
const DECIDED = { decided_by: 2, decided_at: T };

const CASES: Case[] = [
  // Each good row is accepted on both: the bad ones below fail for the one thing changed.
  ...Object.entries(GOOD).map(([table, row]) => allowed(insert(table, row))),

  // CHECKs, table by table, in the order SQLite's schema lists them.
  bad('staff', { is_office: 2 }), bad('staff', { is_dsl: 2 }), bad('staff', { is_admin: 2 }), bad('staff', { active: 2 }), bad('staff', { is_head: 0 }),
  bad('visitors', { family_name_first: 2 }),
  bad('visits', { sign_out_method: 'bus' }), bad('visits', { badge_token: 'abc' }), bad('visits', { badge_token: 'a'.repeat(26) }),
  bad('visits', { signed_out_at: '2026-01-01T00:00:00.000Z' }),
  bad('handovers', { status: 'lost' }),
  bad('handover_declared_items', { quantity: 10 }), bad('handover_declared_items', { quantity: 0 }),
  bad('receipt_numbers', { last_seq: 0 }),
  bad('receipts', { token: 'short' }), bad('receipts', { token: `${'F'.repeat(25)}1` }),
  bad('receipts', { owner_type: 'pet' }), bad('receipts', { print_count: -1 }), bad('receipts', { learner_name: null }),
  bad('custody_items', { reason: 'stolen' }), bad('custody_items', { state: 'lost', ...CLOSED }), bad('custody_items', { closed_at: T }),
  bad('custody_items', { state: 'returned', closed_at: T, closed_to: 'Owner' }), bad('custody_items', { state: 'handed_on', ...CLOSED }),
  bad('custody_items', { reason: 'confiscated' }),
  bad('concerns', { about_type: 'x' }), bad('concerns', { status: 'x', outcome: 'o', reviewed_at: T, reviewed_by: 2 }), bad('concerns', { status: 'reviewed' }),
  bad('bookings', { expected_date: '2026-2-01' }), bad('bookings', { invite_token: 'g'.repeat(26) }), bad('bookings', { status: 'x' }),
  bad('bookings', { family_name_first: 2 }), bad('bookings', { status: 'arrived' }), bad('bookings', { status: 'cancelled' }),
  bad('device_exceptions', { purpose: 'x' }), bad('device_exceptions', { record_token: 'bad' }), bad('device_exceptions', { booking_id: 1 }),
  bad('device_exceptions', { valid_until: T }), bad('device_exceptions', { purpose: 'other' }), bad('device_exceptions', { revoked_at: T }),
  bad('roll_calls', { on_site: -1, accounted: 0 }), bad('roll_calls', { accounted: 2 }),
  bad('concern_parents_informed', { informed: 2 }), bad('concern_parents_informed', { informed_on: '2026-1-05' }),
  bad('concern_parents_informed', { informed_time: '1:00' }), bad('concern_parents_informed', { informed_by: '' }),
  bad('concern_parents_informed', { who_was_told: '' }),
  bad('concern_parents_informed', { informed: 0, informed_on: null, informed_by: null, reason: '' }),
  bad('concern_parents_informed', { informed_by: null }),
  bad('concern_debriefs', { lessons_learnt: '' }), bad('concern_debriefs', { practice_change: 'x'.repeat(2001) }),
  bad('concern_lado_referrals', { referred_on: '06/01/2026' }), bad('concern_lado_referrals', { lado_reference: '' }),
  bad('concern_lado_referrals', { outcome: 'x', outcome_on: '2026-01-07', outcome_recorded_at: T, outcome_recorded_by: 2 }),
  bad('concern_lado_referrals', { outcome: 'unfounded', outcome_on: '7 Jan', outcome_recorded_at: T, outcome_recorded_by: 2 }),
  bad('concern_lado_referrals', { outcome: 'unfounded', outcome_on: '2026-01-07', outcome_note: '', outcome_recorded_at: T, outcome_recorded_by: 2 }),
  bad('concern_lado_referrals', { outcome: 'unfounded', outcome_on: '2026-01-05', outcome_recorded_at: T, outcome_recorded_by: 2 }),
  bad('concern_police_contacts', { contacted_on: '2026-13-01x' }), bad('concern_police_contacts', { police_force: '' }),
  bad('concern_police_contacts', { officer: '' }), bad('concern_police_contacts', { reference: 'x'.repeat(41) }),
  bad('learner_agreements', { pupil_name: '' }), bad('learner_agreements', { pupil_key: '' }), bad('learner_agreements', { device_kind: 'x' }),
  bad('learner_agreements', { valid_from: '2026-01-0' }), bad('learner_agreements', { valid_until: '2026-01-066' }),
  bad('learner_agreements', { valid_until: '2026-01-04' }), bad('learner_agreements', { ended_at: T }),
  bad('confiscation_releases', { parent_name: '' }), bad('confiscation_releases', { relationship: 'x' }),
  bad('confiscation_releases', { relationship: 'other', relationship_other: '' }), bad('confiscation_releases', { identity_check: 'x' }),
  bad('confiscation_releases', { identity_note: '' }), bad('confiscation_releases', { early_agreed_by: 2, early_reason: '' }),
  bad('confiscation_releases', { note: '' }), bad('confiscation_releases', { relationship: 'other' }),
  bad('confiscation_releases', { identity_check: 'other' }), bad('confiscation_releases', { early_agreed_by: 2 }),
  bad('police_handovers', { officer_name: '' }), bad('police_handovers', { officer_number: '' }), bad('police_handovers', { police_force: '' }),
  bad('police_handovers', { police_reference: '' }), bad('police_handovers', { note: '' }),
  bad('learner_searches', { consent_from: 'x' }), bad('learner_searches', { consent_name: '' }),
  bad('learner_searches', { consent_from: 'parent', consent_relationship: '' }), bad('learner_searches', { looked_at: '' }),
  bad('learner_searches', { found: '' }), bad('learner_searches', { content_action: 'x', content_detail: 'd' }),
  bad('learner_searches', { content_action: 'deleted', content_detail: '' }), bad('learner_searches', { witness: '' }),
  bad('learner_searches', { consent_from: 'parent' }), bad('learner_searches', { content_detail: 'd' }),
  bad('learner_searches', { consent_given_at: '2026-01-05T11:30:00.000Z' }),
  bad('learner_exceptions', { pupil_name: '' }), bad('learner_exceptions', { pupil_key: '' }), bad('learner_exceptions', { device_kind: 'x' }),
  bad('learner_exceptions', { valid_from: '2026-01-0' }), bad('learner_exceptions', { valid_until: '2026-01-066' }),
  bad('learner_exceptions', { ...SIGNED, signed_on: '2026-01-05x' }), bad('learner_exceptions', { ...SIGNED, signed_by_learner: '' }),
  bad('learner_exceptions', { ...SIGNED, signed_by_parent: '' }), bad('learner_exceptions', { ...SIGNED, parent_relationship: '' }),
  bad('learner_exceptions', { valid_until: '2026-01-04' }), bad('learner_exceptions', { signed_on: '2026-01-05' }),
  bad('learner_exceptions', { ...SIGNED, signed_on: '2026-01-04' }), bad('learner_exceptions', { ended_at: T }),
  bad('staff_days', { signed_in_at: '2026-01-05 08:00:00' }), bad('staff_days', { signed_in_how: 'x' }),
  bad('staff_days', { signed_out_at: '2026-01-05T09:00:00', signed_out_how: 'kiosk' }),
  bad('staff_days', { signed_out_at: '2026-01-05T09:00:00.000Z', signed_out_how: 'x' }),
  bad('staff_days', { signed_out_at: '2026-01-05T09:00:00.000Z' }),
  bad('staff_days', { signed_out_at: '2026-01-05T07:00:00.000Z', signed_out_how: 'kiosk' }),
  bad('leaflet_versions', { title: '' }), bad('leaflet_versions', { body: '' }), bad('leaflet_versions', { created_at: '2026-01-05' }),
  bad('leaflet_prints', { printed_at: 'today' }),
  bad('staff_device_permissions', { device_kind: 'x' }), bad('staff_device_permissions', { device_description: '' }),
  bad('staff_device_permissions', { purpose: 'x' }), bad('staff_device_permissions', { purpose: 'other', purpose_detail: '' }),
  bad('staff_device_permissions', { permitted_use: '' }), bad('staff_device_permissions', { permitted_areas: '' }),
  bad('staff_device_permissions', { conditions: '' }), bad('staff_device_permissions', { risk_assessed_on: 'soon' }),
  bad('staff_device_permissions', { valid_from: '2026-01-0' }), bad('staff_device_permissions', { valid_until: '2026-01-066' }),
  bad('staff_device_permissions', { ...PERMISSION_SIGNED, signed_on: '2026-01-05x' }), bad('staff_device_permissions', { approved_by: 1 }),
  bad('staff_device_permissions', { purpose: 'other' }), bad('staff_device_permissions', { purpose: 'remote_learning' }),
  bad('staff_device_permissions', { valid_until: '2026-01-04' }), bad('staff_device_permissions', { signed_on: '2026-01-05' }),
  bad('staff_device_permissions', { ...PERMISSION_SIGNED, signed_on: '2026-01-04' }), bad('staff_device_permissions', { ended_at: T }),
  bad('acknowledgement_signatures', { strokes: 'M1 1L2 2<script>' }), bad('acknowledgement_signatures', { strokes: 'M1 1' }),
  bad('acknowledgement_signatures', { id: 3, signed_at: 'not a time' }),
  badUpdate('acknowledgement_signatures', 1, { strokes: null, removed_at: '2026-01-06' }),
  bad('acknowledgement_signatures', { removed_at: T }),
  bad('exception_requests', { device_kind: 'x' }), bad('exception_requests', { purpose: '' }),
  badUpdate('exception_requests', 1, { decision: 'maybe', ...DECIDED }),
  badUpdate('exception_requests', 1, { decision: 'declined', decline_reason: '', ...DECIDED }),
  badUpdate('exception_requests', 1, { decision: 'declined', decline_reason: 'no', decided_by: 2 }),
  badUpdate('exception_requests', 1, { decision: 'approved', ...DECIDED }),
  badUpdate('exception_requests', 1, { decision: 'declined', ...DECIDED }),
  bad('staff_badges', { code_hash: HASH('g') }), bad('staff_badges', { code_hash: HASH('b').slice(1) }),
  bad('staff_badges', { issued_at: '2026-01-05T12:00:00' }),
  bad('staff_badges', { ended_at: 'later', ended_by: 2, ended_why: 'replaced' }),
  bad('staff_badges', { ended_at: T, ended_by: 2, ended_why: 'lost' }), bad('staff_badges', { ended_at: T }),
  bad('staff_badges', { ended_at: '2026-01-05T11:00:00.000Z', ended_by: 2, ended_why: 'replaced' }),

  // Triggers: each refuses its bad write with SQLite's words.
  refused('audit_log_no_update', update('audit_log', 1, { action: 'x' })),
  refused('audit_log_no_delete', remove('audit_log', 1)),
  refused('receipts_never_deleted', remove('receipts', 3)),
  // 2027's counter stands at 1 and 2026's at 3: only those numbers, each for the receipt that took it, go in.
  refused('receipts_numbered_in_turn', insert('receipts', { ...GOOD.receipts!, seq: 2 })),
  refused('receipts_numbered_in_turn', insert('receipts', { ...GOOD.receipts!, year: 2026, seq: 4 })),
  refused('receipts_numbered_in_turn', insert('receipts', { ...GOOD.receipts!, year: 2029 })),
  // Which leaves receipts' CHECK (seq > 0) behind this trigger.
  refused('receipts_numbered_in_turn', insert('receipts', { ...GOOD.receipts!, seq: 0 })),
  refused('receipt_numbers_count_up_by_one', 'UPDATE receipt_numbers SET last_seq = 2 WHERE year = 2026'),
  refused('receipt_numbers_count_up_by_one', 'UPDATE receipt_numbers SET last_seq = 5 WHERE year = 2026'),
  refused('receipt_numbers_count_up_by_one', 'UPDATE receipt_numbers SET year = 2030, last_seq = last_seq + 1 WHERE year = 2026'),
  refused('receipt_numbers_never_deleted', 'DELETE FROM receipt_numbers WHERE year = 2026'),
  refused('custody_items_never_deleted', remove('custody_items', 3)),
  refused('custody_items_close_once', update('custody_items', 1, { kind: 'tablet' })),
  refused('custody_items_close_once', update('custody_items', 3, { state: 'in_safe', closed_at: null })),
  refused('custody_items_close_once', update('custody_items', 3, { closed_to: 'Removed', closed_note: null, description: null, marks: 'still here' })),
  refused('custody_items_confiscated_leave_on_record', update('custody_items', 2, { state: 'returned', ...CLOSED })),
  refused('custody_corrections_append_only_delete', remove('custody_corrections', 1)),
  refused('custody_corrections_append_only_update', update('custody_corrections', 1, { bag_slot: 'B9' })),
  refused('concerns_never_deleted', remove('concerns', 2)),
  refused('device_exceptions_never_deleted', remove('device_exceptions', 2)),
  refused('device_exceptions_record_token_fixed', update('device_exceptions', 1, { record_token: 'H'.repeat(26) })),
  // Named in SET at all is enough, as UPDATE OF means on both engines, even to the same value.
  refused('device_exceptions_record_token_fixed', update('device_exceptions', 1, { record_token: 'E'.repeat(26) })),
  refused('device_exceptions_revoke_only', update('device_exceptions', 2, { purpose: 'other', purpose_detail: 'x' })),
  refused('device_exceptions_revoke_only', update('device_exceptions', 2, { permitted_use: 'Removed', permitted_areas: 'Removed', conditions: 'kept', risk_notes: null })),
  refused('roll_calls_never_changed', update('roll_calls', 1, { on_site: 5 })),
  refused('roll_calls_never_changed', update('roll_calls', 1, { people_json: '[]', note: null, accounted: 0 })),
  refused('concern_parents_informed_never_changed', update('concern_parents_informed', 1, { who_was_told: 'Father' })),
  refused('concern_parents_informed_never_deleted', remove('concern_parents_informed', 1)),
  refused('concern_debriefs_after_closing', insert('concern_debriefs', { ...GOOD.concern_debriefs!, concern_id: 2 })),
  refused('concern_debriefs_after_closing', insert('concern_debriefs', { ...GOOD.concern_debriefs!, concern_id: 999 })),
  refused('concern_debriefs_never_changed', update('concern_debriefs', 1, { lessons_learnt: 'other' })),
  refused('concern_debriefs_never_deleted', remove('concern_debriefs', 1)),
  refused('concern_lado_referrals_about_staff', insert('concern_lado_referrals', { ...GOOD.concern_lado_referrals!, concern_id: 2 })),
  refused('concern_lado_referrals_outcome_once', update('concern_lado_referrals', 1, { lado_reference: 'other' })),
  refused('concern_lado_referrals_never_deleted', remove('concern_lado_referrals', 1)),
  refused('concern_police_contacts_never_changed', update('concern_police_contacts', 1, { officer: 'PC B' })),
  refused('concern_police_contacts_never_deleted', remove('concern_police_contacts', 1)),
  refused('learner_agreements_never_deleted', remove('learner_agreements', 1)),
  refused('learner_agreements_end_once', update('learner_agreements', 1, { device_kind: 'tablet' })),
  refused('learner_agreements_end_once', update('learner_agreements', 1, { pupil_name: 'Removed', pupil_key: 'removed:2', class_group: 'Removed', device_description: 'Removed', reason: 'Removed' })),
  refused('confiscation_releases_of_confiscated', insert('confiscation_releases', { ...GOOD.confiscation_releases!, item_id: 1 })),
  refused('confiscation_releases_of_confiscated', insert('confiscation_releases', { ...GOOD.confiscation_releases!, item_id: 5 })),
  refused('police_handovers_of_confiscated', insert('police_handovers', { ...GOOD.police_handovers!, item_id: 1 })),
  refused('confiscation_releases_never_deleted', remove('confiscation_releases', 1)),
  refused('police_handovers_never_deleted', remove('police_handovers', 1)),
  refused('confiscation_releases_only_names_removed', update('confiscation_releases', 1, { parent_name: 'Someone else' })),
  refused('confiscation_releases_only_names_removed', update('confiscation_releases', 1, { parent_name: 'Removed', relationship_other: null, identity_note: 'Removed', early_reason: 'Removed', note: null })),
  refused('police_handovers_only_names_removed', update('police_handovers', 1, { police_reference: 'REF9' })),
  refused('learner_searches_of_confiscated_only', insert('learner_searches', { ...GOOD.learner_searches!, item_id: 1 })),
  refused('learner_searches_of_confiscated_only', insert('learner_searches', { ...GOOD.learner_searches!, consent_given_at: '2026-01-05T09:59:00.000Z' })),
  refused('learner_searches_never_deleted', remove('learner_searches', 1)),
  refused('learner_searches_never_changed', update('learner_searches', 2, { found: 'something else' })),
  // The device is still in the safe, so even retention's own change is refused.
  refused('learner_searches_never_changed', update('learner_searches', 1, { consent_name: 'Removed', looked_at: 'Removed', found: 'Removed' })),
  refused('learner_exceptions_never_deleted', remove('learner_exceptions', 1)),
  refused('learner_exceptions_fixed', update('learner_exceptions', 1, { device_kind: 'tablet' })),
  refused('staff_days_never_deleted', remove('staff_days', 1)),
  refused('staff_days_sign_out_once', update('staff_days', 1, { signed_out_at: '2026-01-05T17:00:00.000Z', signed_out_how: 'console', signed_in_how: 'kiosk' })),
  refused('staff_days_sign_out_once', update('staff_days', 1, { signed_in_how: 'kiosk' })),
  refused('leaflet_versions_in_order', insert('leaflet_versions', { ...GOOD.leaflet_versions!, version: 3 })),
  // The version CHECK (>= 1) is met only through here: the trigger asks for max + 1 before any CHECK runs.
  refused('leaflet_versions_in_order', insert('leaflet_versions', { ...GOOD.leaflet_versions!, version: 0 })),
  refused('leaflet_versions_never_changed', update('leaflet_versions', 1, { title: 'New' })),
  refused('leaflet_versions_never_deleted', remove('leaflet_versions', 1)),
  refused('leaflet_prints_never_changed', update('leaflet_prints', 1, { printed_at: T })),
  refused('leaflet_prints_never_deleted', remove('leaflet_prints', 1)),
  refused('staff_device_permissions_never_deleted', remove('staff_device_permissions', 1)),
  refused('staff_device_permissions_fixed', update('staff_device_permissions', 1, { device_kind: 'tablet' })),
  refused('staff_device_permissions_fixed', update('staff_device_permissions', 1, { device_description: 'Removed', permitted_use: 'Removed', permitted_areas: 'Removed' })),
  refused('acknowledgement_signatures_with_acknowledgement', insert('acknowledgement_signatures', { ...GOOD.acknowledgement_signatures!, signed_at: '2026-01-06T09:00:01.000Z' })),
  refused('acknowledgement_signatures_with_acknowledgement', insert('acknowledgement_signatures', { ...GOOD.acknowledgement_signatures!, strokes: null, removed_at: T })),
  refused('acknowledgement_signatures_never_deleted', remove('acknowledgement_signatures', 1)),
  refused('acknowledgement_signatures_removed_only', update('acknowledgement_signatures', 1, { signed_at: T })),
  refused('exception_requests_never_deleted', remove('exception_requests', 1)),
  refused('exception_requests_start_open', insert('exception_requests', { ...GOOD.exception_requests!, decision: 'declined', decline_reason: 'no', ...DECIDED })),
  refused('exception_requests_decided_once', update('exception_requests', 1, { decision: 'declined', decline_reason: 'no', ...DECIDED, purpose: 'other' })),
  refused('exception_requests_approved_for_its_visit', update('exception_requests', 1, { decision: 'approved', exception_id: 3, ...DECIDED })),
  refused('staff_badges_never_deleted', remove('staff_badges', 1)),
  refused('staff_badges_end_once', update('staff_badges', 1, { ended_at: T, ended_by: 2, ended_why: 'replaced', code_hash: HASH('c') })),

  // What the triggers let through (closing, deciding, ending once; retention's replacements), on both.
  allowed(update('custody_items', 1, { state: 'returned', ...CLOSED })),
  // A log's own two steps: take 2026's next number, then write its receipt.
  allowed(`${takeNumber(2026)}; ${insert('receipts', { ...GOOD.receipts!, year: 2026, seq: 4 })}`),
  allowed(update('custody_items', 3, { closed_to: 'Removed', closed_note: null, description: null, marks: null, confiscation_reason: null })),
  allowed(update('custody_items', 5, { closed_to: 'Removed', closed_note: 'Removed', description: null, marks: null, confiscation_reason: 'Removed' })),
  allowed(update('custody_items', 4, { closed_to: 'Removed', description: null, marks: null, confiscation_reason: 'Removed' })),
  allowed(update('custody_corrections', 1, { description: null, marks: null, reason: 'Removed' })),
  allowed(update('device_exceptions', 2, { revoked_at: T, revoked_by: 2, revoke_reason: 'r' })),
  allowed(update('roll_calls', 1, { people_json: '[]', note: null })),
  allowed(update('concern_lado_referrals', 1, { outcome: 'unfounded', outcome_on: '2026-01-07', outcome_recorded_at: T, outcome_recorded_by: 2 })),
  allowed(update('learner_agreements', 1, { ended_at: T, ended_by: 2, end_reason: 'r' })),
  allowed(update('confiscation_releases', 1, { parent_name: 'Removed', relationship_other: 'Removed', identity_note: 'Removed', early_reason: 'Removed', note: null })),
  allowed(update('police_handovers', 1, { officer_name: 'Removed', officer_number: null, note: null })),
  allowed(update('learner_searches', 2, { consent_name: 'Removed', consent_relationship: 'Removed', looked_at: 'Removed', found: 'Removed', content_detail: 'Removed', witness: 'Removed' })),
  allowed(update('learner_exceptions', 1, SIGNED)),
  allowed(update('learner_exceptions', 1, { ended_at: T, ended_by: 2, end_reason: 'r' })),
  allowed(update('staff_days', 1, { signed_out_at: '2026-01-05T17:00:00.000Z', signed_out_how: 'console' })),
  allowed(update('staff_device_permissions', 1, PERMISSION_SIGNED)),
  allowed(update('staff_device_permissions', 1, { details_removed_at: T, device_description: 'Removed', permitted_use: 'Removed', permitted_areas: 'Removed' })),
  allowed(update('acknowledgement_signatures', 1, { strokes: null, removed_at: T })),
  allowed(update('exception_requests', 1, { decision: 'approved', exception_id: 1, ...DECIDED })),
  allowed(update('exception_requests', 1, { decision: 'declined', decline_reason: 'no', ...DECIDED })),
  allowed(update('staff_badges', 1, { ended_at: T, ended_by: 2, ended_why: 'replaced' })),
];

/** How one engine answered a case: accepted, or refused with a check (which one) or another error. */
type Outcome =
  | { kind: 'accepted' }
  | { kind: 'check'; which: string }
  | { kind: 'trigger'; message: string }
  | { kind: 'other'; message: string };

function onSqlite(db: Db, sql: string): Outcome {
  db.exec('SAVEPOINT invariant_case');
  try {
    db.exec(sql);
    return { kind: 'accepted' };
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code === 'SQLITE_CONSTRAINT_CHECK') return { kind: 'check', which: e.message.replace(/^CHECK constraint failed: /, '') };
    if (e.code === 'SQLITE_CONSTRAINT_TRIGGER') return { kind: 'trigger', message: e.message };
    return { kind: 'other', message: `${e.code}: ${e.message}` };
  } finally {
    db.exec('ROLLBACK TO invariant_case; RELEASE invariant_case');
  }
}

async function onPostgres(client: pg.Client, sql: string): Promise<Outcome> {
  await client.query('SAVEPOINT invariant_case');
  try {
    await client.query(sql);
    return { kind: 'accepted' };
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message: string };
    if (e.code === '23514') return { kind: 'check', which: e.constraint ?? '?' };
    if (e.code === 'P0001') return { kind: 'trigger', message: e.message };
    return { kind: 'other', message: `${e.code}: ${e.message}` };
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT invariant_case; RELEASE SAVEPOINT invariant_case');
  }
}

/**
 * Where a bad value breaks two CHECKs at once, SQLite names the first written and PostgreSQL the first by
 * name (it tests them in alphabetical order): each engine still refuses the write, naming a different rule.
 * Keyed by SQLite's table and rule; the value is the PostgreSQL constraint that refuses first.
 */
const NAMED_DIFFERENTLY: Record<string, string> = {
  // Any owner type but the three also breaks the rule tying each type to its owner.
  "receipts: owner_type IN ('visitor', 'staff', 'learner')": 'receipts_check',
  // informed is 0 or 1 in the rule on what each answer needs.
  'concern_parents_informed: informed IN (0, 1)': 'concern_parents_informed_check',
  // A negative on_site leaves no count accounted can be.
  'roll_calls: on_site >= 0': 'roll_calls_check',
};

/** CHECKs no write can reach on either engine, because a trigger refuses every write that could break them first. */
const BEHIND_A_TRIGGER = ['leaflet_versions: version >= 1', 'receipts: seq > 0'];

/** The table a case writes to. */
const tableOf = (sql: string): string => /^(?:INSERT INTO|UPDATE|DELETE FROM) (\w+)/.exec(sql)![1]!;

/** SQLite's triggers and their RAISE(ABORT) words, and its CHECK clauses per table, read from its own schema. */
function sqliteRules(db: Db): { triggers: Map<string, string>; checksPerTable: Map<string, number> } {
  const triggers = new Map<string, string>();
  for (const t of db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; sql: string }[]) {
    triggers.set(t.name, /RAISE\(ABORT,\s*'((?:[^']|'')*)'\)/.exec(t.sql)![1]!.replaceAll("''", "'"));
  }
  const checksPerTable = new Map<string, number>();
  for (const t of db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as { name: string; sql: string }[]) {
    const count = t.sql.replace(/--[^\n]*/g, '').match(/\bCHECK\s*\(/gi)?.length ?? 0;
    if (count > 0) checksPerTable.set(t.name, count);
  }
  return { triggers, checksPerTable };
}

let folder: string;
let sqlite: Db;
let database: PgDatabase;
let client: pg.Client;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'safe-hands-invariants-'));
  sqlite = openDatabase(join(folder, 'safe-hands.db'));
  migrate(sqlite, readMigrations(MIGRATIONS_DIR), () => new Date('2026-01-01T00:00:00.000Z'));
  database = await freshPgDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await migratePostgres(client, PG_MIGRATIONS_DIR, () => new Date('2026-01-01T00:00:00.000Z'));
  // One transaction each, never committed: the fixture and every case happen inside it.
  sqlite.exec('BEGIN');
  await client.query('BEGIN');
  for (const statement of FIXTURE) {
    sqlite.exec(statement);
    await client.query(statement);
  }
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
  sqlite?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the schema rules on SQLite and PostgreSQL', () => {
  it('refuse the same bad writes, in the same words, and let the same good ones through', { timeout: 60_000 }, async () => {
    const { triggers, checksPerTable } = sqliteRules(sqlite);
    const problems: string[] = [];
    const sqliteChecks = new Map<string, string>(); // "table: rule" -> PostgreSQL constraint
    const pgChecks = new Map<string, string>(); // PostgreSQL constraint -> "table: rule"
    const triggersTried = new Set<string>();

    for (const { sql, expect: wanted } of CASES) {
      const a = onSqlite(sqlite, sql);
      const b = await onPostgres(client, sql);
      const seen = `SQLite ${JSON.stringify(a)}, PostgreSQL ${JSON.stringify(b)}`;
      if (wanted.refusedBy === 'nothing') {
        if (a.kind !== 'accepted' || b.kind !== 'accepted') problems.push(`${sql}\n  should be accepted; ${seen}`);
      } else if (wanted.refusedBy === 'trigger') {
        triggersTried.add(wanted.trigger);
        const words = triggers.get(wanted.trigger);
        if (words === undefined) problems.push(`${sql}\n  names a trigger SQLite does not have: ${wanted.trigger}`);
        else if (a.kind !== 'trigger' || a.message !== words || b.kind !== 'trigger' || b.message !== words) {
          problems.push(`${sql}\n  should be refused by ${wanted.trigger} ("${words}"); ${seen}`);
        }
      } else if (a.kind !== 'check' || b.kind !== 'check') {
        problems.push(`${sql}\n  should be refused by a CHECK; ${seen}`);
      } else {
        const rule = `${tableOf(sql)}: ${a.which}`;
        const expected = NAMED_DIFFERENTLY[rule];
        if (expected !== undefined) {
          if (b.which !== expected) problems.push(`${sql}\n  PostgreSQL should refuse it with ${expected}; ${seen}`);
          sqliteChecks.set(rule, b.which);
          continue;
        }
        // The same rule on both: each SQLite CHECK pairs with exactly one PostgreSQL constraint, and back.
        const paired = sqliteChecks.get(rule);
        const pairedBack = pgChecks.get(b.which);
        if ((paired !== undefined && paired !== b.which) || (pairedBack !== undefined && pairedBack !== rule)) {
          problems.push(`${sql}\n  refused by different rules: SQLite "${rule}" (before: ${paired}), PostgreSQL ${b.which} (before: ${pairedBack})`);
        }
        sqliteChecks.set(rule, b.which);
        pgChecks.set(b.which, rule);
      }
    }
    expect(problems).toEqual([]);

    // Every trigger SQLite has was tried.
    expect([...triggers.keys()].filter((name) => !triggersTried.has(name))).toEqual([]);

    // Every CHECK was broken on its own: per table, as many SQLite rules met as the table has CHECK clauses
    // (less those only a trigger reaches), and on PostgreSQL as many constraints as the table has.
    const pgPerTable = new Map((await client.query<{ tbl: string; n: number }>(
      `SELECT conrelid::regclass::text AS tbl, count(*)::int AS n FROM pg_constraint
       WHERE contype = 'c' AND connamespace = current_schema()::regnamespace GROUP BY 1`,
    )).rows.map((r) => [r.tbl, r.n]));
    expect(Object.fromEntries(pgPerTable)).toEqual(Object.fromEntries(checksPerTable));
    const met = new Map<string, number>();
    for (const rule of [...sqliteChecks.keys(), ...BEHIND_A_TRIGGER]) met.set(rule.split(':')[0]!, (met.get(rule.split(':')[0]!) ?? 0) + 1);
    expect(Object.fromEntries(met)).toEqual(Object.fromEntries(checksPerTable));
    const pgMet = new Set([...pgChecks.keys(), ...Object.values(NAMED_DIFFERENTLY)]);
    const total = [...pgPerTable.values()].reduce((sum, n) => sum + n, 0);
    // Each shadowed SQLite rule's PostgreSQL twin is the one constraint no write meets first.
    expect(pgMet.size).toBe(total - Object.keys(NAMED_DIFFERENTLY).length - BEHIND_A_TRIGGER.length);
  });
});
