import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { useCollectStore } from './collect-store.js';
import { countItems, OWNER_TYPE_LABELS, timeOrDateTime } from '../lib/format.js';

/** The lost-receipt path: find what the safe holds for someone by name. */
export function OwnerSearch() {
  const searchName = useCollectStore((s) => s.searchName);
  const searching = useCollectStore((s) => s.searching);
  const searchError = useCollectStore((s) => s.searchError);
  const results = useCollectStore((s) => s.results);
  const picked = useCollectStore((s) => s.receipt?.receiptId ?? null);
  const setSearchName = useCollectStore((s) => s.setSearchName);
  const search = useCollectStore((s) => s.search);
  const pick = useCollectStore((s) => s.pick);
  const closeSearch = useCollectStore((s) => s.closeSearch);

  return (
    <section className="card console-section" aria-labelledby="owner-search-heading">
      <h2 id="owner-search-heading">Lost receipt: search by name</h2>
      <p className="muted">Check who they are before handing anything back. You will be asked how you checked.</p>
      <form
        className="search-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <TextField label="Name" value={searchName} onChange={setSearchName} maxLength={maxLengthOf(commandSchemas['custody.searchByOwner'].input.shape.name)} error={searchError ?? undefined} />
        <BigButton type="submit" disabled={searching}>{searching ? 'Searching…' : 'Search'}</BigButton>
        <BigButton variant="quiet" onClick={closeSearch}>Close the search</BigButton>
      </form>
      <div role="status" className="search-status">
        {results === null ? '' : results.length === 0
          ? 'Nothing in the safe under that name.'
          : results.length === 1 ? '1 receipt with items in the safe.' : `${results.length} receipts with items in the safe.`}
      </div>
      {results && results.length > 0 ? (
        <ul className="result-list" aria-label="Receipts found">
          {results.map((r) => {
            const held = r.items.filter((i) => i.state === 'in_safe').length;
            return (
              <li key={r.receiptId}>
                <button type="button" className="result" aria-pressed={picked === r.receiptId} onClick={() => pick(r)}>
                  <span className="result-name">{r.ownerName}</span>
                  <span className="result-detail">
                    {[r.ownerDetail ?? OWNER_TYPE_LABELS[r.ownerType], `Receipt ${r.receiptNumber}`, `${countItems(held)} in the safe`,
                      `logged ${timeOrDateTime(r.createdAt)}`, ...(r.printCount === 0 && r.givenByHand === null ? ['receipt not printed'] : [])].join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
