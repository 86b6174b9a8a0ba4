import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Dialog, type DialogProps } from './Dialog.js';

/**
 * A Dialog that takes care of the page behind it: it is drawn at the end of the body and everything else
 * is made inert while it is open, so Tab, a screen reader's virtual cursor and a stray tap all stay in it.
 */
export function ModalDialog(props: DialogProps) {
  const [host] = useState(() => document.createElement('div'));
  // A layout effect, so the box is in the document before Dialog moves focus into it.
  useLayoutEffect(() => {
    document.body.appendChild(host);
    const others = Array.from(document.body.children).filter((el) => el !== host && !el.hasAttribute('inert'));
    for (const el of others) el.setAttribute('inert', '');
    return () => {
      for (const el of others) el.removeAttribute('inert');
      host.remove();
    };
  }, [host]);
  return createPortal(<Dialog {...props} />, host);
}
