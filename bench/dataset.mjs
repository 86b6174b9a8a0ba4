// Builds (once) and caches a large Safe Hands database: N visitors, 2.5 N visits, deterministic from a seed.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../dist/main/app.js';
import { openDatabase } from '../dist/main/db/connection.js';
import { migrate, readMigrations } from '../dist/main/db/migrate.js';
import { AUDIT_HEAD_FILE, AUDIT_KEY_FILE, DATABASE_FILE, MIGRATIONS_DIR, PIN_PEPPER_FILE } from '../dist/main/core/paths.js';
import { fillNameWords } from '../dist/main/db/repositories/name-words-repo.js';
import { searchKey } from '../dist/shared/domain/names.js';
import { prng } from './measure.mjs';

export const PIN = '482613';
export const SEED = 20240917;

// Common surnames first: they are drawn with a skew towards the start of the list, as in a real register.
export const SURNAMES = `Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark
Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook
Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum
Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight
Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard
Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill
Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster
Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton
Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson
Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor
Harper Coleman Watkins Moss McCarthy Chambers Núñez Østergaard Łukasiewicz Fernández-López D'Souza MacLeod`.split(/\s+(?=[A-ZÑŁØ])/u);

export const FIRST_NAMES = `Oliver George Harry Noah Jack Leo Arthur Muhammad Oscar Charlie Jacob Thomas Henry William Freddie Alfie
Theo Archie Joshua James Lucas Isaac Tommy Alexander Edward Finley Max Mason Teddy Ethan Logan Joseph Adam Samuel Harrison Reuben
Sebastian Dylan Elijah Albie Benjamin Rory Louie Hugo Daniel Jude Toby Ronnie Arlo Frankie David Michael Jaxon Elliot Ollie Tyler
Roman Louis Jayden Ezra Zachary Luca Caleb Stanley Bobby Jasper Harvey Rowan Austin Gabriel Hunter Felix Ryan Matthew Ibrahim Carter
Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Willow Freya Florence Emily Ella Poppy Evie Elsie Charlotte Evelyn
Sienna Sofia Daisy Phoebe Sophie Alice Harper Ruby Matilda Isabelle Maya Millie Emilia Jessica Ada Eliza Layla Arabella Luna
Maisie Thea Penelope Esme Hallie Bonnie Aria Lola Violet Chloe Mila Hannah Imogen Scarlett Zara Ayla Ellie Maryam Delilah Ellie-Mae
Aisha Fatima Priya Anjali Sana Noor Hana Amira Zainab Yusuf Omar Hamza Bilal Tariq Ravi Arjun Rohan Vikram Sanjay Wei Jun Mei
Ling Chen Kenji Yuki Hiroshi Sakura Agnieszka Katarzyna Piotr Tomasz Marek Ewa Zofia José María Lucía Pablo Javier Chiara Giulia
Marco Matteo Sinéad Siobhán Niamh Ciarán Seán Aoife Eoin Róisín Kwame Ama Kofi Chidi Ngozi Tunde Amara Jonas Lena Finn Astrid
Sven Ingrid Björn Margaret Susan Patricia Linda Barbara Elizabeth Jennifer Deborah Karen Sarah Julie Helen Paul Mark Andrew Steven
Richard Peter Christopher Anthony Kevin Gary Martin Simon Neil Ian Graham Colin Stuart Darren`.split(/\s+/u);

const ORGANISATIONS = [null, null, null, null, 'County Council', 'Bright Sparks Electrical', 'NHS Trust', 'Ofsted',
  'Little Acorns Catering', 'Greenway Cleaning', 'Speech and Language Service', 'Educational Psychology', 'Parish Church',
  'Fire Safety Ltd', 'Kent Police', 'Music Hub', 'Sports Coaching Co', 'Library Service', 'IT Support Ltd', 'Grounds Care'];
const VISITOR_TYPES = ['parent_carer', 'contractor', 'volunteer', 'professional', 'other'];
const VISITING = ['Reception', 'Year 3 class', 'Head teacher', 'SENCo', 'Office', 'Kitchen', 'Boiler room', 'Library', 'Nursery room'];

export const YEARS = 3;
const DAY = 86_400_000;

export function cacheDir(root, visitors) {
  // The PIN's length in the name: a cache from before admins needed 6 digits holds a 4-digit one.
  return join(root, 'bench', 'cache', `visitors-${visitors}-pin${PIN.length}`);
}

/**
 * Copies the cached dataset's data folder: the database, the PIN key its PINs were set with, the audit key its
 * trail is sealed with and the audit head file (none of them in the database). The head file records the
 * full audit check made when the cache was built, so each start checks only what came after it, as a
 * reception PC's would, instead of reading millions of rows while the bench measures.
 */
export function copyDataset(cached, dataDir) {
  for (const file of [DATABASE_FILE, PIN_PEPPER_FILE, AUDIT_KEY_FILE, AUDIT_HEAD_FILE]) {
    if (existsSync(join(cached, file))) copyFileSync(join(cached, file), join(dataDir, file));
  }
}

/** Returns the cached data folder, building it first if it is not there. */
export async function ensureDataset(root, visitors, log = console.log) {
  const dir = cacheDir(root, visitors);
  if (existsSync(join(dir, DATABASE_FILE))) {
    log(`Dataset: using cache ${dir} (${(statSync(join(dir, DATABASE_FILE)).size / 1e6).toFixed(0)} MB)`);
    return dir;
  }
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t0 = performance.now();
  log(`Dataset: building ${visitors.toLocaleString('en-GB')} visitors, ~${(visitors * 2.5).toLocaleString('en-GB')} visits in ${building}`);

  const end = Date.UTC(2026, 0, 1);
  const start = end - YEARS * 365 * DAY;
  // The visits are years of history from before this version: written straight into the schema, then the app
  // opens the folder as a school's upgraded PC would, and starts sealing the audit trail from there.
  const db = openDatabase(join(building, DATABASE_FILE));
  try {
    migrate(db, readMigrations(MIGRATIONS_DIR), () => new Date(start - DAY));
    // The setting's first policy, made by setup below, is version 1: the acknowledgements point at it already.
    db.pragma('foreign_keys = OFF');
    const policyId = 1;

    const insVisitor = db.prepare(`INSERT INTO visitors (id, first_name, last_name, identity_key, organisation, created_at, last_signed_in_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    // The surname words the kiosk searches are filled once at the end, by the code migration 0010 runs.
    const fillWords = () => db.transaction(() => fillNameWords(db))();
    const insAck = db.prepare('INSERT INTO acknowledgements (id, visitor_id, policy_version_id, acknowledged_at) VALUES (?, ?, ?, ?)');
    const insVisit = db.prepare(`INSERT INTO visits (visitor_id, visitor_type, visiting, acknowledgement_id, signed_in_at, signed_out_at, sign_out_method)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);

    const rand = prng(SEED);
    const pick = (list) => list[Math.floor(rand() * list.length)];
    // Skewed towards the start of the list (the common names).
    const pickSkewed = (list) => list[Math.floor(rand() * rand() * list.length)];
    const keyCache = new Map();
    const key = (s) => {
      let k = keyCache.get(s);
      if (k === undefined) keyCache.set(s, (k = searchKey(s)));
      return k;
    };
    const span = end - start;
    const batch = 50_000;
    let visits = 0;
    for (let from = 1; from <= visitors; from += batch) {
      const to = Math.min(visitors, from + batch - 1);
      db.transaction(() => {
        for (let id = from; id <= to; id++) {
          const first = pickSkewed(FIRST_NAMES);
          const last = pickSkewed(SURNAMES);
          const org = pick(ORGANISATIONS);
          const type = pick(VISITOR_TYPES);
          const count = rand() < 0.5 ? 2 : 3; // 2.5 visits per visitor on average
          // First visit anywhere in the window but leave room for the later ones.
          let t = start + Math.floor(rand() * span * 0.9);
          const times = [];
          for (let v = 0; v < count; v++) {
            times.push(t);
            t = Math.min(end - DAY, t + Math.floor(rand() * 60 * DAY) + DAY);
          }
          const createdAt = new Date(times[0]).toISOString();
          const lastIn = new Date(times[count - 1]).toISOString();
          insVisitor.run(id, first, last, `${key(first)}|${key(last)}|${org ? key(org) : ''}`, org, createdAt, lastIn);
          insAck.run(id, id, policyId, createdAt);
          for (const at of times) {
            const out = at + 20 * 60_000 + Math.floor(rand() * 4 * 3_600_000);
            insVisit.run(id, type, pick(VISITING), id, new Date(at).toISOString(), new Date(out).toISOString(), rand() < 0.9 ? 'kiosk' : 'automatic');
            visits++;
          }
        }
      })();
      const s = (performance.now() - t0) / 1000;
      log(`  ${to.toLocaleString('en-GB')} visitors, ${visits.toLocaleString('en-GB')} visits (${s.toFixed(1)} s)`);
    }
    fillWords();
  } finally {
    db.close();
  }
  const t1 = performance.now();
  const app = await openApp({ dataDir: building, clock: { now: () => new Date(start - DAY) } });
  try {
    // The first start reads every row once (its audit check has no earlier clean check to go on from), so a
    // start from a copy checks only what came after.
    const checked = await app.startupCheck;
    if (checked !== 'ok') throw new Error(`the dataset's start-up check says ${checked}`);
    log(`  first start, with its check of every row: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const setup = await app.dispatch('setup.create', {
      settingName: 'Bench Primary School', settingKind: 'school', adminName: 'Bench Admin', pin: PIN, pinAgain: PIN,
      expectationsTemplate: 'school',
    }, 'bench');
    if (!setup.ok) throw new Error(`setup.create failed: ${JSON.stringify(setup.error)}`);
    app.db.db.pragma('optimize');
    app.db.db.exec('ANALYZE');
  } finally {
    app.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  log(`Dataset: built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(statSync(join(dir, DATABASE_FILE)).size / 1e6).toFixed(0)} MB)`);
  return dir;
}
