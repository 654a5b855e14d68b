import { POLLS_HEADING_ID } from '@helix/web/polls';
import { QA_HEADING_ID, RoomQaPanel } from '@helix/web/qa';
import { MAIN_CONTENT_ID } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { SectionNav } from './room-section-nav';

/** The threads section of the discussion's room page. */
const THREADS_SECTION_ID = 'threads-heading';

/**
 * Loaded on demand (see room.tsx): the room's Q&A, and on a phone a bottom bar that takes a thumb to
 * the room's top (polls), the Q&A or the threads.
 */
export default function RoomQa({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <SectionNav
        label={t('rooms.sections.label')}
        items={[
          { targetId: POLLS_HEADING_ID, fallbackId: MAIN_CONTENT_ID, label: t('rooms.sections.polls') },
          { targetId: QA_HEADING_ID, label: t('rooms.sections.questions') },
          { targetId: THREADS_SECTION_ID, label: t('rooms.sections.threads') },
        ]}
      />
      <RoomQaPanel roomId={roomId} />
    </>
  );
}
