// The sandboxed preload: CommonJS (sandboxed renderers cannot load ES module preloads) and unable to
// require project files, so it stands alone.
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

// Must equal IPC_CHANNEL in src/shared/contract/index.ts; a unit test keeps the two the same.
const CHANNEL = 'safe-hands:invoke';

// Same shape as CommandResult's failure, so the page never has to handle a rejected promise.
function failure(code: 'unknown_command' | 'internal', message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}

/**
 * The page's only door into main: a command name and its input, nothing else. The event object, the
 * channel and ipcRenderer itself never reach the page. Main validates everything again; this just refuses
 * what cannot be a command before it crosses, and turns a failed send (an input that cannot be cloned,
 * a main process that has gone) into an answer the screen can show.
 */
function invoke(name: unknown, input: unknown): Promise<unknown> {
  if (typeof name !== 'string') return Promise.resolve(failure('unknown_command', 'The app does not know that request.'));
  return ipcRenderer
    .invoke(CHANNEL, name, input)
    .catch(() => failure('internal', 'The kiosk cannot reach its service. Please ask at the office.'));
}

contextBridge.exposeInMainWorld('safeHands', { invoke });
