import { useRooms } from '@helix/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SearchPanel } from './search-panel';

/** A room's search, folded until wanted so the room's live sections stay on top; the forum's is a link away. */
export function RoomSearch({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const forumId = useRooms().data?.find((room) => room.id === roomId)?.forumId;
  return (
    <details className="hx-search-room" data-testid="room-search">
      <summary>{t('search.inRoom')}</summary>
      <SearchPanel
        scope={{ roomId }}
        label={t('search.roomLabel')}
        query={query}
        onQueryChange={setQuery}
        headingLevel={3}
      />
      {forumId ? (
        <p>
          <Link
            to={`/search?forum=${encodeURIComponent(forumId)}${query ? `&q=${encodeURIComponent(query)}` : ''}`}
          >
            {t('search.wholeForum')}
          </Link>
        </p>
      ) : null}
    </details>
  );
}
