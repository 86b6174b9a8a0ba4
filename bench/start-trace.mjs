// Bench only: loaded into the kiosk host with `node --import bench/start-trace.mjs dist/main/cli/start.js`
// (startHost(dir, { trace: true }) does it) to say where its start-up goes. It changes nothing the host does:
// it only listens. Each line on stderr reads `[start-trace] <epoch ms> <what>`, on the same clock as
// performance.timeOrigin + performance.now() in the bench process, so both sides' times line up.
//
// What it sees: Node's own start-up milestones; the database's first statement (the app's modules have all
// loaded and the file has just been opened by then) and every pragma / exec / prepare that took a quarter of
// a millisecond or more (the migrations check is among them); the server listening; the "Kiosk:" line; and
// each HTTP request from arrival to its answer finished.
import { subscribe } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { Server } from 'node:net';
import { performance } from 'node:perf_hooks';

const at = () => performance.timeOrigin + performance.now();
const log = (what, t = at()) => process.stderr.write(`[start-trace] ${t.toFixed(3)} ${what}\n`);

// Node's bootstrap milestones, relative to its own time origin (the process starting).
const n = performance.nodeTiming;
log('node: process start', performance.timeOrigin);
log('node: environment ready', performance.timeOrigin + n.environment);
log('node: bootstrap complete', performance.timeOrigin + n.bootstrapComplete);
log('preload: running (the app\'s own modules load next)');

// better-sqlite3 is CommonJS: wrapping its prototype here also wraps the class the app's `import` receives.
const appRequire = createRequire(new URL('../dist/main/app.js', import.meta.url));
const t0 = at();
const Database = appRequire('better-sqlite3');
log(`import: better-sqlite3 (${(at() - t0).toFixed(1)} ms, in the preload)`);
const SLOW_MS = 0.25;
let calls = 0; // the first call is always shown: the connection has just been opened
for (const method of ['pragma', 'exec', 'prepare']) {
  const original = Database.prototype[method];
  Database.prototype[method] = function traced(...args) {
    const start = at();
    try {
      return original.apply(this, args);
    } finally {
      const took = at() - start;
      if (took >= SLOW_MS || !calls++) log(`db: ${method} ${String(args[0]).replace(/\s+/g, ' ').slice(0, 70)} (${took.toFixed(2)} ms)`);
    }
  };
}
// Listening: patched on net.Server so the http server's listen callback time is seen.
const listen = Server.prototype.listen;
Server.prototype.listen = function tracedListen(...args) {
  log('http: listen called');
  this.once('listening', () => log('http: listening'));
  return listen.apply(this, args);
};

// Each request, by Node's own diagnostics channels.
const started = new WeakMap();
subscribe('http.server.request.start', ({ request }) => {
  started.set(request, at());
  log(`http: request ${request.method} ${request.url.replace(/key=[^&]+/, 'key=…')}`);
});
subscribe('http.server.response.finish', ({ request, response }) => {
  const t = started.get(request);
  log(`http: answered ${response.statusCode} ${request.url.replace(/key=[^&]+/, 'key=…')}${t ? ` (${(at() - t).toFixed(2)} ms in the host)` : ''}`);
});

// The "Kiosk:" line: the moment the launcher says where the kiosk is.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).startsWith('Kiosk:')) log('stdout: Kiosk line printed');
  return write(chunk, ...rest);
};
