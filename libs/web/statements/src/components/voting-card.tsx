import { STATEMENT_VOTES, type StatementVote } from '@helix/contract';
import { Button, LoadError, Spinner } from '@helix/web/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNextStatement, useVoteOnStatement } from '../api/statements-api';

const VARIANT: Record<StatementVote, 'primary' | 'secondary' | 'ghost'> = {
  agree: 'primary',
  disagree: 'secondary',
  pass: 'ghost',
};

/**
 * One statement at a time, the least voted one first (the server chooses): agree, disagree or pass, and the
 * next one comes. The statement's text takes the focus when it changes, so a screen reader reads it out.
 */
export function VotingCard({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const next = useNextStatement(roomId);
  const vote = useVoteOnStatement(roomId);
  const textRef = useRef<HTMLParagraphElement>(null);
  const statementId = next.data?.statement?.id;
  const voted = useRef(false);

  useEffect(() => {
    if (voted.current && statementId) textRef.current?.focus();
  }, [statementId]);

  if (next.isPending) return <Spinner />;
  if (next.isError)
    return <LoadError message={t('statements.loadFailed')} onRetry={() => void next.refetch()} />;
  const { statement, remaining, voted: done } = next.data;
  if (!statement)
    return (
      <div className="hx-card hx-statement-card" data-testid="statement-card" role="status">
        <p>{done ? t('statements.card.allDone', { count: done }) : t('statements.card.none')}</p>
      </div>
    );
  return (
    <div className="hx-card hx-statement-card" data-testid="statement-card">
      <p className="hx-muted hx-statement-card__progress">
        {t('statements.card.remaining', { count: remaining })}
      </p>
      <p className="hx-statement-card__text" ref={textRef} tabIndex={-1} data-testid="statement-text">
        {statement.text}
      </p>
      <div className="hx-statement-card__votes" role="group" aria-label={t('statements.card.yourVote')}>
        {STATEMENT_VOTES.map((value) => (
          <Button
            key={value}
            variant={VARIANT[value]}
            disabled={vote.isPending}
            onClick={() => {
              voted.current = true;
              vote.mutate({ statementId: statement.id, vote: value });
            }}
          >
            {t(`statements.votes.${value}`)}
          </Button>
        ))}
      </div>
      {vote.isError ? (
        <p className="hx-error" role="alert">
          {t('statements.card.failed', { message: vote.error.message })}
        </p>
      ) : null}
    </div>
  );
}
