import { app, type Session } from 'electron';
import { isAllowedNavigation, isPermissionGranted, withContentSecurityPolicy } from './security-policy.js';

/**
 * Wires the guards in security-policy.ts to Electron's events. Nothing is decided here: if a rule
 * changes, it changes (and is tested) in security-policy.ts.
 */

/**
 * Before any window exists: every WebContents the app ever creates (windows, and anything a page might try
 * to spawn) stays on app://kiosk, opens no windows and hosts no <webview>.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    };
    contents.on('will-navigate', refuseForeign);
    // will-navigate covers only the main frame; iframes (none expected, CSP forbids them) are covered here.
    contents.on('will-frame-navigate', refuseForeign);
    // A server redirect is a navigation too; preventing it stops the whole navigation.
    contents.on('will-redirect', refuseForeign);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // No pop-ups, no window.open, no target=_blank: a kiosk has one screen per window we make ourselves.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** After ready: the session refuses every permission and download, and stamps our CSP on every response. */
export function applySessionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler((details) => isPermissionGranted(details.deviceType, details.origin));
  // A download would open a Save dialog: a file browser on a public reception PC.
  ses.on('will-download', (event) => event.preventDefault());
  // The app:// handler already sends the CSP; this also covers any response that did not come from it.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders) });
  });
}
