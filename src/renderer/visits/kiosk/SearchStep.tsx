import { useEffect, useRef } from 'react';
import { MAX_NAME_LENGTH } from '../../../shared/validation.js';
import { BigButton } from '../../components/BigButton.js';
import { MatchList } from '../../components/MatchList.js';
import { TextField } from '../../components/TextField.js';
import { useKioskStore, type SurnameSearch } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

type Mode = 'returning' | 'signOut';

/** What a badge's QR code types: a scanner's burst of 26 capitals and digits, never a surname. */
const BADGE_CODE = /^[A-Z2-7]{26}$/;

function statusText(search: SurnameSearch, mode: Mode): string {
  switch (search.status) {
    case 'idle':
      return '';
    case 'searching':
      return 'Looking…';
    case 'failed':
      return search.error ?? 'The search did not work. Please try again.';
    case 'done': {
      const n = search.matches.length;
      if (n === 0) {
        return mode === 'returning'
          ? `We could not find a surname starting "${search.text.trim()}". Check the spelling, or sign in as a new visitor.`
          : `No one signed in has a surname starting "${search.text.trim()}". Check the spelling, or ask at the office.`;
      }
      return n === 1 ? 'We found 1 person. Tap your name.' : `We found ${n} people. Tap your name.`;
    }
  }
}

/** Finding yourself by the first letters of your surname, to sign in again or to sign out. */
export function SearchStep({ mode }: { mode: Mode }) {
  const search = useKioskStore((s) => s.search);
  const error = useKioskStore((s) => s.error);
  const setSearchText = useKioskStore((s) => s.setSearchText);
  const pickMatch = useKioskStore((s) => s.pickMatch);
  const signOutByBadge = useKioskStore((s) => s.signOutByBadge);
  const startNew = useKioskStore((s) => s.startNew);
  const back = useKioskStore((s) => s.back);
  const inputRef = useRef<HTMLInputElement>(null);
  // Focus goes straight to the box (its label says what to do), so typing needs no extra tap.
  useEffect(() => inputRef.current?.focus(), []);

  const nothingFound = search.status === 'done' && search.matches.length === 0;
  return (
    <StepFrame title={mode === 'returning' ? 'Welcome back' : 'Signing out'} focusHeading={false} error={error} onBack={back}>
      <form
        role="search"
        aria-label="Find your name"
        onSubmit={(e) => {
          // "Go" on the on-screen keyboard picks the only match, saving a tap.
          e.preventDefault();
          const typed = search.text.replace(/\s+/g, '');
          if (mode === 'signOut' && BADGE_CODE.test(typed)) {
            void signOutByBadge(typed);
            return;
          }
          const only = search.matches.length === 1 ? search.matches[0] : undefined;
          if (only) pickMatch(only.id);
        }}
      >
        <TextField
          className="search-field"
          label="Type the first letters of your surname"
          hint="If you have only one name, type that instead."
          value={search.text}
          onChange={setSearchText}
          inputRef={inputRef}
          autoCapitalize="words"
          maxLength={MAX_NAME_LENGTH}
        />
      </form>
      <p className="search-status" role="status">{statusText(search, mode)}</p>
      {search.matches.length > 0 ? <MatchList label="People found" matches={search.matches} onPick={pickMatch} /> : null}
      {nothingFound && mode === 'returning' ? (
        <BigButton variant="secondary" onClick={startNew}>Sign in as a new visitor</BigButton>
      ) : null}
      <p className="privacy-note">To protect everyone's privacy, we only show first names and the first letter of surnames.</p>
    </StepFrame>
  );
}
