import { useForumsTranslation } from '../i18n/register';
import { STAKEHOLDER_GROUPS, type PublicOutcome } from '@helix/contract';
import { ApiError } from '@helix/web/data-access';
import { Button, LoadError, Spinner, TableScroll, useDocumentTitle } from '@helix/web/ui';
import { useParams } from 'react-router';
import { usePublicOutcome } from '../api/forums-api';
import { formatInZone } from '../lib/zoned-time';

type OutcomePoll = PublicOutcome['polls'][number];

function PollResult({ poll }: { poll: OutcomePoll }) {
  const { t } = useForumsTranslation();
  const groups = STAKEHOLDER_GROUPS.filter((group) => poll.byGroup[group]);
  return (
    <li className="hx-card" data-testid="outcome-poll">
      <h3>{poll.question}</h3>
      <p className="hx-muted">
        {poll.room} · {t('forums.outcome.voters', { count: poll.voters })}
      </p>
      <TableScroll label={poll.question}>
        <table className="hx-poll-table">
          <thead>
            <tr>
              <th scope="col">{t('forums.outcome.option')}</th>
              <th scope="col">{t('forums.outcome.total')}</th>
              {groups.map((group) => (
                <th key={group} scope="col">
                  {t(`groups.${group}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {poll.options.map((option) => (
              <tr key={option.id}>
                <th scope="row">{option.label}</th>
                <td>{option.votes}</td>
                {groups.map((group) => (
                  <td key={group}>{poll.byGroup[group]?.[option.id] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </li>
  );
}

/**
 * What a forum decided, for the city's press and the participants' managers: no account needed, readable on
 * a phone, printable, in the reader's language.
 */
export function PublicOutcomePage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useForumsTranslation();
  const outcome = usePublicOutcome(slug, i18n.resolvedLanguage ?? 'en');
  useDocumentTitle(
    outcome.data ? t('forums.outcome.documentTitle', { forum: outcome.data.forum.title }) : undefined,
  );

  if (outcome.isPending) return <Spinner />;
  if (outcome.isError)
    return outcome.error instanceof ApiError && outcome.error.status === 404 ? (
      <div>
        <h1>{t('forums.outcome.notFoundTitle')}</h1>
        <p>{t('forums.outcome.notFound')}</p>
      </div>
    ) : (
      <LoadError message={t('forums.loadFailed')} onRetry={() => void outcome.refetch()} />
    );
  const { forum, initiatives, polls, questions } = outcome.data;
  const date = (iso: string) => formatInZone(iso, forum.timeZone, i18n.language, 'date');
  return (
    <article className="hx-forums hx-forums-outcome" aria-labelledby="outcome-title">
      <h1 id="outcome-title">{t('forums.outcome.title', { forum: forum.title })}</h1>
      <p className="hx-muted">
        {t('forums.dates', { from: date(forum.startsAt), to: date(forum.endsAt) })}
        {forum.venue ? ` · ${forum.venue}` : ''}
      </p>
      {forum.description ? <p className="hx-text">{forum.description}</p> : null}
      <div className="hx-row hx-no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('forums.outcome.print')}
        </Button>
      </div>

      <section aria-labelledby="outcome-initiatives">
        <h2 id="outcome-initiatives">{t('forums.outcome.initiatives')}</h2>
        {initiatives.length ? (
          <ul className="hx-card-list">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="hx-card" data-testid="outcome-initiative">
                <h3>{initiative.title}</h3>
                <p className="hx-text">{initiative.summary}</p>
                <p className="hx-muted">{t('forums.outcome.votes', { count: initiative.tally.total })}</p>
                <h4>{t('forums.outcome.partners')}</h4>
                {initiative.partners.length ? (
                  <ul>
                    {initiative.partners.map((partner) => (
                      <li key={partner.organization}>
                        {partner.organization} ({t(`groups.${partner.stakeholderGroup}`)})
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('forums.outcome.noPartners')}</p>
                )}
                {initiative.amendments.map((amendment) => (
                  <div key={amendment.number} data-testid="outcome-amendment">
                    <p>{t('forums.outcome.amendment', amendment)}</p>
                    <ul>
                      {amendment.cleared.map((entry, index) => (
                        <li key={index}>
                          {t(`forums.outcome.cleared.${entry.from}`, {
                            group: t(`groups.${entry.stakeholderGroup}`),
                          })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
                {initiative.pledges.length ? (
                  <>
                    <h4>{t('forums.outcome.pledges')}</h4>
                    <ul data-testid="outcome-pledges">
                      {initiative.pledges.map((pledge, index) => (
                        <li key={index}>
                          {t('forums.outcome.pledge', pledge)}
                          {pledge.overdue ? ` (${t('forums.outcome.overdue')})` : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('forums.outcome.noInitiatives')}</p>
        )}
      </section>

      <section aria-labelledby="outcome-polls">
        <h2 id="outcome-polls">{t('forums.outcome.polls')}</h2>
        {polls.length ? (
          <ul className="hx-card-list">
            {polls.map((poll) => (
              <PollResult key={poll.id} poll={poll} />
            ))}
          </ul>
        ) : (
          <p>{t('forums.outcome.noPolls')}</p>
        )}
      </section>

      <section aria-labelledby="outcome-questions">
        <h2 id="outcome-questions">{t('forums.outcome.questions')}</h2>
        {questions.length ? (
          <ul className="hx-card-list">
            {questions.map((question) => (
              <li key={question.id} className="hx-card" data-testid="outcome-question">
                <p className="hx-text">{question.text}</p>
                <p className="hx-muted">
                  {question.room} · {t('forums.outcome.upvotes', { count: question.upvotes })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('forums.outcome.noQuestions')}</p>
        )}
      </section>
    </article>
  );
}
