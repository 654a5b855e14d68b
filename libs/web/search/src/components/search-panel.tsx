import { SEARCH_KINDS, type SearchHit, type SearchKind } from '@helix/contract';
import { formatMessageTime } from '@helix/web/data-access';
import { LoadError, TextField } from '@helix/web/ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSearch, type SearchScope } from '../api/search';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { hitLink } from '../lib/hit-link';
import { HighlightedSnippet } from './highlighted-snippet';

/** A query is sent once typing pauses this long. */
const SEARCH_DEBOUNCE_MS = 250;

const groupByKind = (hits: readonly SearchHit[]): Array<[SearchKind, SearchHit[]]> =>
  SEARCH_KINDS.map(
    (kind) => [kind, hits.filter((hit) => hit.kind === kind)] as [SearchKind, SearchHit[]],
  ).filter(([, group]) => group.length > 0);

function HitItem({ hit }: { hit: SearchHit }) {
  const { i18n } = useTranslation();
  return (
    <li className="hx-search-hit" data-testid="search-hit" data-kind={hit.kind}>
      <Link to={hitLink(hit)} className="hx-search-hit__link">
        {hit.title ? <span className="hx-search-hit__title">{hit.title}</span> : null}
        <HighlightedSnippet hit={hit} />
      </Link>
      <time className="hx-card__meta" dateTime={hit.at}>
        {formatMessageTime(hit.at, i18n.language)}
      </time>
    </li>
  );
}

/**
 * A search landmark: the field, then what was found grouped by kind, each a link to where it was written.
 * The query is sent as typing pauses; the count is announced politely, the list is read by Tab and arrows.
 */
export function SearchPanel({
  scope,
  label,
  query,
  onQueryChange,
  headingLevel = 2,
}: {
  scope: SearchScope;
  label: string;
  query: string;
  onQueryChange: (query: string) => void;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const resultsId = useId();
  const settled = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const results = useSearch(scope, settled);
  const hits = useMemo(() => (settled ? (results.data?.hits ?? []) : []), [settled, results.data]);
  const groups = useMemo(() => groupByKind(hits), [hits]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const status = !settled
    ? ''
    : results.isFetching && !results.data
      ? t('search.searching')
      : results.isSuccess
        ? hits.length
          ? t('search.found', { count: hits.length })
          : t('search.nothing', { query: settled })
        : '';

  return (
    <div className="hx-search" data-testid="search">
      <form role="search" aria-label={label} onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={label}
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          autoComplete="off"
          enterKeyHint="search"
          aria-controls={resultsId}
          hint={t('search.hint')}
        />
      </form>
      <div id={resultsId}>
        <p role="status" className="hx-muted" data-testid="search-status">
          {status}
        </p>
        {results.isError ? (
          <LoadError message={t('search.failed')} onRetry={() => void results.refetch()} />
        ) : null}
        {groups.map(([kind, group]) => (
          <section key={kind} className="hx-search__group" aria-labelledby={`${resultsId}-${kind}`}>
            <Heading id={`${resultsId}-${kind}`}>
              {t(`search.kinds.${kind}`)} ({group.length})
            </Heading>
            <ul className="hx-search__hits">
              {group.map((hit) => (
                <HitItem key={`${hit.kind}:${hit.id}`} hit={hit} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
