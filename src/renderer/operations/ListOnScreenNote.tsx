import { BigButton } from '../components/BigButton.js';

/**
 * What to do when the roll call could not be kept or printed (a full or read-only disk): the list on this
 * screen is read from the database as it stands, so it is complete. In a browser the page prints as the list
 * (buttons and messages stay off the paper); the desktop app has no print of its own, so there it is read out.
 */
export function ListOnScreenNote({ desktop }: { desktop: boolean }) {
  return (
    <>
      <p className="list-on-screen">
        The list on screen is complete: {desktop ? 'read it out.' : 'read it out, or print this page from the browser.'}
      </p>
      {desktop ? null : (
        <p className="print-actions">
          <BigButton variant="secondary" className="btn-small" onClick={() => window.print()}>Print this page</BigButton>
        </p>
      )}
    </>
  );
}
