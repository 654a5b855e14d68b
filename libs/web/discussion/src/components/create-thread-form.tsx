import { THREAD_TITLE_MAX } from '@helix/contract';
import { useClientKey } from '@helix/web/data-access';
import { ActionError, Button, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateThread } from '../api/create-thread';

export function CreateThreadForm({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createThread = useCreateThread(roomId);
  const [title, setTitle] = useState('');
  // One key per thread: a double click on Start thread makes one thread.
  const clientKey = useClientKey();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    createThread.mutate(
      { title: trimmed, clientId: clientKey.take() },
      {
        onSuccess: (thread) => {
          clientKey.renew();
          setTitle('');
          void navigate(`/rooms/${roomId}/threads/${thread.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="hx-card" aria-labelledby="new-thread-heading">
      <h2 id="new-thread-heading">{t('threads.newThread')}</h2>
      <TextField
        label={t('threads.newThreadTitle')}
        name="title"
        required
        maxLength={THREAD_TITLE_MAX}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          // Another title is another thread.
          clientKey.renew();
        }}
      />
      <ActionError error={createThread.error} />
      <Button type="submit" disabled={createThread.isPending || !title.trim()}>
        {t('threads.startThread')}
      </Button>
    </form>
  );
}
