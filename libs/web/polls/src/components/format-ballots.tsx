import { WORD_CLOUD_ANSWER_MAX, WORD_CLOUD_ANSWERS_MAX, type Poll } from '@helix/contract';
import { ActionError, Button, TextField } from '@helix/web/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCastBallot } from '../api/vote-poll';

/** The ballot of an open word cloud, ranking or rating poll. */
export function FormatBallot({ poll }: { poll: Poll }) {
  switch (poll.kind) {
    case 'word_cloud':
      return <WordCloudBallot poll={poll} />;
    case 'ranking':
      return <RankingBallot poll={poll} />;
    case 'rating':
      return <RatingBallot poll={poll} />;
    case 'choice':
      return null;
  }
}

function BallotForm({
  poll,
  onSubmit,
  children,
  cast,
  submitLabel,
}: {
  poll: Poll;
  onSubmit?: () => void;
  children: ReactNode;
  cast: ReturnType<typeof useCastBallot>;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const answered = poll.myVote?.length || poll.myWords || poll.myRatings;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <form onSubmit={submit} className="hx-poll-ballot" aria-busy={cast.isPending || undefined}>
      {children}
      <div className="hx-row">
        {submitLabel ? (
          <Button type="submit" disabled={cast.isPending}>
            {submitLabel}
          </Button>
        ) : null}
        <span role="status" className="hx-muted">
          {cast.isPending ? t('polls.sending') : answered ? t('polls.voted') : ''}
        </span>
      </div>
      <ActionError error={cast.error} />
    </form>
  );
}

/** Up to three short answers; sending again replaces them. */
function WordCloudBallot({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const cast = useCastBallot(poll);
  const [words, setWords] = useState<string[]>(() =>
    Array.from({ length: WORD_CLOUD_ANSWERS_MAX }, (_, index) => poll.myWords?.[index] ?? ''),
  );
  const filled = words.map((word) => word.trim()).filter(Boolean);
  return (
    <BallotForm
      poll={poll}
      cast={cast}
      submitLabel={poll.myWords ? t('polls.formats.changeWords') : t('polls.formats.sendWords')}
      onSubmit={() => filled.length && cast.mutate({ words: filled })}
    >
      <fieldset className="hx-poll-fieldset">
        <legend className="hx-field__label">
          {t('polls.formats.wordsLegend', { count: WORD_CLOUD_ANSWERS_MAX, max: WORD_CLOUD_ANSWER_MAX })}
        </legend>
        {words.map((word, index) => (
          <TextField
            key={index}
            label={t('polls.formats.word', { number: index + 1 })}
            name={`word-${index}`}
            maxLength={WORD_CLOUD_ANSWER_MAX}
            value={word}
            onChange={(event) =>
              setWords((current) => current.map((one, at) => (at === index ? event.target.value : one)))
            }
          />
        ))}
      </fieldset>
    </BallotForm>
  );
}

const moved = (order: string[], from: number, to: number): string[] => {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/**
 * Every option in order: dragged to its place (on a touch screen or with a mouse), or moved one place at a
 * time with its Up and Down buttons, which is how the keyboard and a screen reader order it. After a move the
 * focus stays on the moved option's button, and the new place is announced.
 */
function RankingBallot({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const cast = useCastBallot(poll);
  const [order, setOrder] = useState<string[]>(() => poll.myVote ?? poll.options.map((option) => option.id));
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const labelOf = (id: string) => poll.options.find((option) => option.id === id)?.label ?? '';
  const move = (id: string, to: number) => {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= order.length || from === to) return;
    setOrder(moved(order, from, to));
    setAnnouncement(t('polls.formats.movedTo', { label: labelOf(id), place: to + 1, count: order.length }));
  };
  return (
    <BallotForm
      poll={poll}
      cast={cast}
      submitLabel={poll.myVote ? t('polls.formats.changeRanking') : t('polls.formats.sendRanking')}
      onSubmit={() => cast.mutate({ optionIds: order })}
    >
      <p className="hx-muted">{t('polls.formats.rankingHint')}</p>
      <ol
        aria-label={t('polls.formats.rankingLabel', { question: poll.question })}
        className="hx-ranking"
        data-testid="ranking-ballot"
      >
        {order.map((id, place) => {
          const label = labelOf(id);
          return (
            <li
              key={id}
              className="hx-ranking__item"
              data-testid="ranking-item"
              data-dragging={dragged === id || undefined}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', label);
                setDragged(id);
              }}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                if (dragged !== id) move(dragged, place);
              }}
              onDrop={(event) => event.preventDefault()}
              onDragEnd={() => setDragged(null)}
            >
              <span className="hx-ranking__handle" aria-hidden="true">
                ⠿
              </span>
              <span className="hx-ranking__place">{place + 1}</span>
              <span className="hx-ranking__label">{label}</span>
              <Button
                size="small"
                variant="secondary"
                disabled={place === 0}
                onClick={() => move(id, place - 1)}
                aria-label={t('polls.formats.moveUp', { label })}
              >
                ↑
              </Button>
              <Button
                size="small"
                variant="secondary"
                disabled={place === order.length - 1}
                onClick={() => move(id, place + 1)}
                aria-label={t('polls.formats.moveDown', { label })}
              >
                ↓
              </Button>
            </li>
          );
        })}
      </ol>
      <p className="hx-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </BallotForm>
  );
}

/** A score from 1 to the scale for each option; each tap sends the caller's scores so far. */
function RatingBallot({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const cast = useCastBallot(poll);
  const scale = poll.formatResult?.kind === 'rating' ? poll.formatResult.scale : 5;
  // The caller's scores show at once; each tap sends all of them, so quick taps on two options both count.
  const [mine, setMine] = useState<Record<string, number>>(() => poll.myRatings ?? {});
  const rate = (optionId: string, score: number) => {
    const next = { ...mine, [optionId]: score };
    setMine(next);
    cast.mutate({ ratings: next });
  };
  return (
    <BallotForm poll={poll} cast={cast}>
      {poll.options.map((option) => (
        <fieldset key={option.id} className="hx-poll-fieldset hx-rating" data-testid="rating-option">
          <legend className="hx-field__label">{option.label}</legend>
          <div className="hx-rating__scale">
            {Array.from({ length: scale }, (_, index) => index + 1).map((score) => (
              <label key={score} className="hx-rating__score">
                <input
                  type="radio"
                  name={`rating-${poll.id}-${option.id}`}
                  value={score}
                  checked={mine[option.id] === score}
                  onChange={() => rate(option.id, score)}
                  aria-label={t('polls.formats.score', { score, scale })}
                />
                <span aria-hidden="true">{score}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </BallotForm>
  );
}
