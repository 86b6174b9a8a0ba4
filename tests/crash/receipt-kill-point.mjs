// Preloaded into the crash harness's host (node --import): once armed with SIGUSR2, the host kills itself with
// SIGKILL at the moment it opens a receipt's PDF to write it. By then the receipt and its items are committed
// and nothing of the PDF is on disk: exactly the window a power cut "a few milliseconds after Log and print
// receipt" hits. It changes nothing else the host does, and nothing at all until armed (the start-up rebuild
// of missing PDFs runs before the harness arms it).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

let armed = false;
process.on('SIGUSR2', () => {
  armed = true;
});

const RECEIPT_PDF = /[\\/]receipts[\\/]\d{4}[\\/]receipt-(\d{4}-\d{4,})\.pdf$/;
const openSync = fs.openSync;
fs.openSync = function openSyncWatched(path, ...rest) {
  const match = armed && typeof path === 'string' ? RECEIPT_PDF.exec(path) : null;
  if (match) {
    // Said before dying, so the harness knows which receipt was caught between its commit and its PDF.
    fs.writeSync(2, `crash-point: receipt ${match[1]} committed, PDF not written\n`);
    process.kill(process.pid, 'SIGKILL');
  }
  return openSync.call(this, path, ...rest);
};
// The app imports openSync by name (import { openSync } from 'node:fs'): point those bindings here too.
syncBuiltinESMExports();
