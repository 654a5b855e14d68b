import { useRooms } from '@helix/web/data-access';
import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SearchPanel } from './search-panel';

/**
 * `/search?forum=<id>&q=<words>`: everything written in a forum. Without `forum`, the forum of the rooms the
 * person is in. The query lives in the address, so Back returns to the same results.
 */
export function ForumSearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const rooms = useRooms();
  const forumId = params.get('forum') ?? rooms.data?.[0]?.forumId;
  const query = params.get('q') ?? '';
  const setQuery = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('q', next);
        else updated.delete('q');
        return updated;
      },
      { replace: true },
    );

  return (
    <>
      <h1>{t('search.title')}</h1>
      {!forumId && rooms.isPending ? <Spinner /> : null}
      {!forumId && rooms.isError ? (
        <LoadError message={t('rooms.loadFailed')} onRetry={() => void rooms.refetch()} />
      ) : null}
      {!forumId && rooms.isSuccess ? <p className="hx-muted">{t('search.noForum')}</p> : null}
      {forumId ? (
        <SearchPanel
          scope={{ forumId }}
          label={t('search.forumLabel')}
          query={query}
          onQueryChange={setQuery}
        />
      ) : null}
    </>
  );
}
