import type { FormatResult, Poll, StakeholderGroup } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { Button, TableScroll } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useHideWord } from '../api/hide-word';
import { cloudWords, ratedOptions, rankedOptions } from '../lib/format-results';
import { GroupLegend } from './group-legend';

type ResultOf<K extends FormatResult['kind']> = Extract<FormatResult, { kind: K }>;

/** What these results read of a poll: a closed poll's posted result has no more. */
type ResultsPoll = Pick<Poll, 'id' | 'status' | 'options' | 'formatResult'>;

/**
 * The live or final results of a word cloud, ranking or rating, with the split by group; `foldSplit` folds
 * the split away, as a result posted in a thread does.
 */
export function FormatResults({
  poll,
  canModerate = false,
  foldSplit = false,
}: {
  poll: ResultsPoll;
  canModerate?: boolean;
  foldSplit?: boolean;
}) {
  const result = poll.formatResult;
  if (!result) return null;
  switch (result.kind) {
    case 'word_cloud':
      return <WordCloud poll={poll} result={result} canModerate={canModerate} foldSplit={foldSplit} />;
    case 'ranking':
      return <RankingResults poll={poll} result={result} foldSplit={foldSplit} />;
    case 'rating':
      return <RatingResults poll={poll} result={result} foldSplit={foldSplit} />;
  }
}

function WordCloud({
  poll,
  result,
  canModerate,
  foldSplit,
}: {
  poll: ResultsPoll;
  result: ResultOf<'word_cloud'>;
  canModerate: boolean;
  foldSplit: boolean;
}) {
  const { t } = useTranslation();
  const hide = useHideWord(poll.id);
  const words = cloudWords(result);
  const groups = Object.keys(result.byGroup) as StakeholderGroup[];
  return (
    <div className="hx-format-results">
      {words.length ? (
        <ul className="hx-word-cloud" aria-label={t('polls.formats.cloudLabel')} data-testid="word-cloud">
          {words.map(({ word, count, size }) => (
            <li
              key={word}
              className="hx-word-cloud__word"
              style={{ fontSize: `${size}em` }}
              data-testid="cloud-word"
            >
              {word}
              <span className="hx-visually-hidden"> {t('polls.formats.wordCount', { count })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hx-muted">{t('polls.formats.noWords')}</p>
      )}
      {canModerate && (words.length > 0 || result.hiddenWords.length > 0) ? (
        <details className="hx-poll-split">
          <summary>{t('polls.formats.moderateWords')}</summary>
          <ul className="hx-word-moderation">
            {words.map(({ word }) => (
              <li key={word}>
                <span>{word}</span>
                <Button size="small" variant="secondary" onClick={() => hide.mutate({ word, hidden: true })}>
                  {t('polls.formats.hideWord')}
                </Button>
              </li>
            ))}
            {result.hiddenWords.map((word) => (
              <li key={word}>
                <s>{word}</s>
                <Button size="small" variant="secondary" onClick={() => hide.mutate({ word, hidden: false })}>
                  {t('polls.formats.showWord')}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {groups.length ? (
        <SplitTable
          groups={groups}
          rows={words.slice(0, 10).map(({ word, count }) => ({
            key: word,
            label: word,
            cells: groups.map((group) => result.byGroup[group]?.[word] ?? 0),
            total: count,
          }))}
          firstColumn={t('polls.formats.word', { number: '' }).trim()}
          folded={foldSplit}
        />
      ) : null}
    </div>
  );
}

function RankingResults({
  poll,
  result,
  foldSplit,
}: {
  poll: ResultsPoll;
  result: ResultOf<'ranking'>;
  foldSplit: boolean;
}) {
  const { t } = useTranslation();
  const ranked = rankedOptions(poll, result);
  const groups = Object.keys(result.byGroup) as StakeholderGroup[];
  return (
    <div className="hx-format-results">
      <ol className="hx-present__options hx-format-bars">
        {ranked.map((option) => (
          <li
            key={option.id}
            className="hx-present__option"
            data-testid="ranking-result"
            data-leading={(poll.status === 'closed' && option.leading) || undefined}
          >
            <div className="hx-present__option-head">
              <span className="hx-present__label">{option.label}</span>
              <span className="hx-present__numbers">
                {t('polls.formats.points', { count: option.points })}
              </span>
            </div>
            <span className="hx-poll-bar" aria-hidden="true">
              <span
                className="hx-poll-bar__part hx-poll-bar__part--all"
                style={{ width: `${option.share * 100}%` }}
              />
            </span>
          </li>
        ))}
      </ol>
      <p className="hx-muted">{t('polls.formats.bordaNote', { count: poll.options.length - 1 })}</p>
      {groups.length ? (
        <SplitTable
          groups={groups}
          rows={ranked.map((option) => ({
            key: option.id,
            label: option.label,
            cells: option.groups.map((part) => part.points),
            total: option.points,
          }))}
          firstColumn={t('polls.option')}
          folded={foldSplit}
        />
      ) : null}
    </div>
  );
}

function RatingResults({
  poll,
  result,
  foldSplit,
}: {
  poll: ResultsPoll;
  result: ResultOf<'rating'>;
  foldSplit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rated = ratedOptions(poll, result);
  const groups = Object.keys(result.byGroup) as StakeholderGroup[];
  const oneDecimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const mean = (value: number | null) => (value === null ? '—' : oneDecimal.format(value));
  return (
    <div className="hx-format-results">
      <ul className="hx-present__options hx-format-bars">
        {rated.map((option) => (
          <li
            key={option.id}
            className="hx-present__option"
            data-testid="rating-result"
            data-leading={(poll.status === 'closed' && option.leading) || undefined}
          >
            <div className="hx-present__option-head">
              <span className="hx-present__label">{option.label}</span>
              <span className="hx-present__numbers" data-testid="rating-mean">
                <strong>
                  {t('polls.formats.mean', { mean: mean(option.summary.mean), scale: result.scale })}
                </strong>{' '}
                <span>{t('polls.voters', { count: option.summary.count })}</span>
              </span>
            </div>
            <ol
              className="hx-distribution"
              aria-label={t('polls.formats.distribution', { label: option.label })}
            >
              {option.scores.map(({ score, count, share }) => (
                <li key={score} className="hx-distribution__score">
                  <span
                    className="hx-distribution__bar"
                    style={{ height: `${share * 100}%` }}
                    aria-hidden="true"
                  />
                  <span className="hx-distribution__label">{score}</span>
                  <span className="hx-visually-hidden">
                    {t('polls.formats.scoreCount', { score, count })}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      {groups.length ? (
        <SplitTable
          groups={groups}
          rows={rated.map((option) => ({
            key: option.id,
            label: option.label,
            cells: option.groups.map((part) => mean(part.summary.mean)),
            total: mean(option.summary.mean),
          }))}
          firstColumn={t('polls.option')}
          folded={foldSplit}
        />
      ) : null}
    </div>
  );
}

/** The split by stakeholder group behind a format's results: one row per word or option. */
function SplitTable({
  groups,
  rows,
  firstColumn,
  folded,
}: {
  groups: StakeholderGroup[];
  rows: Array<{ key: string; label: string; cells: Array<number | string>; total: number | string }>;
  firstColumn: string;
  folded: boolean;
}) {
  const { t, i18n } = useTranslation();
  const cell = (value: number | string) =>
    typeof value === 'number' ? formatNumber(value, i18n.language) : value;
  const Frame = folded ? 'details' : 'div';
  return (
    <Frame className="hx-poll-split hx-format-split" data-testid="format-split">
      {folded ? <summary>{t('polls.byGroup')}</summary> : null}
      <GroupLegend groups={groups} hidden={false} />
      <TableScroll label={t('polls.byGroup')}>
        <table className="hx-poll-table">
          <caption className="hx-visually-hidden">{t('polls.byGroup')}</caption>
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              {groups.map((group) => (
                <th key={group} scope="col">
                  {t(`groups.${group}`)}
                </th>
              ))}
              <th scope="col">{t('polls.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((value, index) => (
                  <td key={groups[index]}>{cell(value)}</td>
                ))}
                <td>{cell(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Frame>
  );
}
