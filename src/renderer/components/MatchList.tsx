export interface PersonMatch {
  id: number;
  displayName: string;
  organisation: string | null;
}

export function matchLabel(m: PersonMatch): string {
  return m.organisation ? `${m.displayName} · ${m.organisation}` : m.displayName;
}

/** The people a surname search found, shown only as "First S. · Organisation" (the kiosk is public). */
export function MatchList({ label, matches, onPick }: { label: string; matches: readonly PersonMatch[]; onPick: (id: number) => void }) {
  return (
    <ul className="match-list" aria-label={label}>
      {matches.map((m) => (
        <li key={m.id}>
          {/* The name is spelled out so the separator's spaces survive every accessible-name algorithm. */}
          <button type="button" className="match" aria-label={matchLabel(m)} onClick={() => onPick(m.id)}>
            <span className="match-name">{m.displayName}</span>
            {m.organisation ? <span className="match-org"> · {m.organisation}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
