import { useForumsTranslation } from '../i18n/register';
import type { CreateForumRequest, Forum, Translated } from '@helix/contract';
import { ActionError, Button, SelectField, TextField } from '@helix/web/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { fromZonedInput, toZonedInput } from '../lib/zoned-time';
import { BilingualField, EMPTY, toTranslatable } from './bilingual-fields';

interface Draft {
  slug: string;
  title: Translated;
  description: Translated;
  venue: Translated;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

const DEFAULT_ZONE = 'Asia/Tomsk';

function draftOf(forum: Forum | undefined): Draft {
  if (!forum)
    return {
      slug: '',
      title: EMPTY,
      description: EMPTY,
      venue: EMPTY,
      startsAt: '',
      endsAt: '',
      timeZone: DEFAULT_ZONE,
    };
  return {
    slug: forum.slug,
    title: forum.translations.title,
    description: forum.translations.description,
    venue: forum.translations.venue,
    startsAt: toZonedInput(forum.startsAt, forum.timeZone),
    endsAt: toZonedInput(forum.endsAt, forum.timeZone),
    timeZone: forum.timeZone,
  };
}

function zones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  );
  return supported?.length ? supported : [DEFAULT_ZONE, 'Europe/Moscow', 'UTC'];
}

/** A forum's details as its organizer writes them: times are the forum's own clock, in its time zone. */
export function ForumForm({
  forum,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  forum?: Forum;
  pending: boolean;
  error: Error | null;
  submitLabel: string;
  onSubmit: (request: CreateForumRequest) => void;
}) {
  const { t } = useForumsTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(forum));
  const [invalid, setInvalid] = useState<string | null>(null);
  const zoneOptions = useMemo(() => zones().map((zone) => ({ value: zone, label: zone })), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = toTranslatable(draft.title);
    const description = toTranslatable(draft.description) ?? title;
    const startsAt = fromZonedInput(draft.startsAt, draft.timeZone);
    const endsAt = fromZonedInput(draft.endsAt, draft.timeZone);
    if (!draft.slug.trim() || !title || !description) return setInvalid(t('forums.form.required'));
    if (!startsAt || !endsAt) return setInvalid(t('forums.form.datesRequired'));
    if (startsAt >= endsAt) return setInvalid(t('forums.form.datesOrder'));
    setInvalid(null);
    const venue = toTranslatable(draft.venue);
    onSubmit({
      slug: draft.slug.trim(),
      title,
      description,
      ...(venue ? { venue } : {}),
      startsAt,
      endsAt,
      timeZone: draft.timeZone,
    });
  };

  return (
    <form className="hx-form" onSubmit={submit} noValidate>
      <TextField
        label={t('forums.form.slug')}
        hint={t('forums.form.slugHint')}
        value={draft.slug}
        required
        pattern="[a-z0-9-]+"
        maxLength={60}
        autoCapitalize="none"
        onChange={(event) => set('slug', event.target.value.toLowerCase())}
      />
      <BilingualField
        label={t('forums.form.title')}
        value={draft.title}
        required
        maxLength={200}
        onChange={(v) => set('title', v)}
      />
      <BilingualField
        label={t('forums.form.description')}
        value={draft.description}
        multiline
        maxLength={4000}
        onChange={(v) => set('description', v)}
      />
      <BilingualField
        label={t('forums.form.venue')}
        value={draft.venue}
        maxLength={200}
        onChange={(v) => set('venue', v)}
      />
      <SelectField
        label={t('forums.form.timeZone')}
        hint={t('forums.form.timeZoneHint')}
        value={draft.timeZone}
        options={zoneOptions}
        onChange={(event) => set('timeZone', event.target.value)}
      />
      <div className="hx-forums-pair">
        <TextField
          type="datetime-local"
          label={t('forums.form.startsAt')}
          value={draft.startsAt}
          required
          onChange={(event) => set('startsAt', event.target.value)}
        />
        <TextField
          type="datetime-local"
          label={t('forums.form.endsAt')}
          value={draft.endsAt}
          required
          onChange={(event) => set('endsAt', event.target.value)}
        />
      </div>
      {invalid ? (
        <p className="hx-error" role="alert">
          {invalid}
        </p>
      ) : null}
      <ActionError error={error} />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
