// Talks to the kiosk host over HTTP as the browser does: the launch cookie, a window id, JSON commands.
import { randomUUID } from 'node:crypto';

/** A request the host never answered: the process died while it was in flight. */
export class NoAnswer extends Error {}

/** Opens the launch address like the browser does and returns a caller for commands. */
export async function connect(launchUrl) {
  const url = new URL(launchUrl);
  const origin = url.origin;
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0];
  if (launch.status !== 303 || !cookie) throw new Error(`The launch address was refused (${launch.status}).`);

  /** One browser window: its own staff session on the host. */
  function window() {
    const clientId = randomUUID();
    return async function call(name, input) {
      let response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie, 'x-client-id': clientId },
          body: JSON.stringify(input),
        });
        return await response.json();
      } catch (err) {
        throw new NoAnswer(`${name}: ${err?.cause?.code ?? err?.message ?? err}`);
      }
    };
  }
  return { window };
}
