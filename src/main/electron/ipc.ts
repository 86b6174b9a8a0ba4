import { ipcMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract/index.js';
import type { Dispatch } from '../commands/dispatcher.js';
import { ipcSessionKey, refuseSender } from './security-policy.js';

/**
 * The Electron transport for the command table: one invoke channel into the same dispatcher the HTTP host
 * uses. The dispatcher validates the command name, role and input; this file only decides whether the
 * sender may speak at all, and which staff session (one per window) it speaks for.
 */
export function registerIpc(dispatch: Dispatch, isOurWebContents: (webContentsId: number) => boolean): () => void {
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => {
    // senderFrame is null once the frame has navigated away or gone: then nobody legitimate is asking.
    const frame = event.senderFrame;
    const main = event.sender.mainFrame;
    const refusal = refuseSender({
      frameUrl: frame ? frame.url : null,
      isMainFrame: frame !== null && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId,
      isOurWindow: isOurWebContents(event.sender.id),
    });
    if (refusal) return { ok: false, error: refusal };
    return dispatch(name, input, ipcSessionKey(event.sender.id));
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
