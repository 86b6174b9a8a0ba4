// Run as a child of run.mjs: the host's resident memory with only the app and the big database open,
// after some returning-visitor lookups. Prints one JSON line.
import { openApp } from '../dist/main/app.js';
import { SURNAMES } from './dataset.mjs';

const dataDir = process.argv[2];
const app = await openApp({ dataDir });
for (let i = 0; i < 500; i++) {
  const r = await app.dispatch('visitor.findReturning', { surnamePrefix: SURNAMES[i % 60].slice(0, 3) }, 'probe');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
console.log(JSON.stringify({ rss: process.memoryUsage().rss }));
app.close();
