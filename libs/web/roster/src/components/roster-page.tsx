import type { LineError, RosterEntry, RosterImportRequest } from '@helix/contract';
import { ApiError } from '@helix/web/data-access';
import {
  ActionError,
  Button,
  CardSection,
  LoadError,
  Spinner,
  TableScroll,
  useDocumentTitle,
} from '@helix/web/ui';
import { useId, useState, type ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useChangeBadge, useImportRoster, useRoster } from '../api/roster';
import { useRosterTranslation } from '../i18n/register';
import { readRosterFile } from '../lib/read-roster-file';

/** The organizer's roster screen: import the registration list (checked first), then manage badges. */
export function RosterPage() {
  const { forumId = '' } = useParams();
  const { t } = useRosterTranslation();
  useDocumentTitle(t('roster.title'));
  return (
    <div className="hx-roster">
      <p className="hx-row">
        <Link to={`/forums/${encodeURIComponent(forumId)}`}>{t('roster.backToForum')}</Link>
        <Link to={`/forums/${encodeURIComponent(forumId)}/badges`}>{t('roster.sheetLink')}</Link>
      </p>
      <h1>{t('roster.title')}</h1>
      <RosterImport forumId={forumId} />
      <RosterList forumId={forumId} />
    </div>
  );
}

function RosterImport({ forumId }: { forumId: string }) {
  const { t } = useRosterTranslation();
  const inputId = useId();
  const check = useImportRoster(forumId);
  const save = useImportRoster(forumId);
  const [file, setFile] = useState<RosterImportRequest | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    save.reset();
    if (!chosen) return;
    const read = await readRosterFile(chosen);
    setFile(read);
    check.mutate({ file: read, dryRun: true });
  };
  const badLines = check.error instanceof ApiError ? check.error.lines : [];

  return (
    <CardSection headingId="roster-import" title={t('roster.import.title')}>
      <p>{t('roster.import.hint')}</p>
      <label htmlFor={inputId}>{t('roster.import.file')}</label>
      <input id={inputId} type="file" accept=".csv,.xlsx,text/csv" onChange={(event) => void choose(event)} />
      <div aria-live="polite">
        {check.isPending ? <p>{t('roster.import.checking')}</p> : null}
        {badLines.length ? <LineReport lines={badLines} /> : <ActionError error={check.error} />}
        {check.data && !save.data ? (
          <>
            <p>{t('roster.import.ready', check.data)}</p>
            <Button
              disabled={save.isPending || !file}
              onClick={() => file && save.mutate({ file, dryRun: false })}
            >
              {t('roster.import.button')}
            </Button>
          </>
        ) : null}
        <ActionError error={save.error} />
        {save.data ? (
          <p role="status" className="hx-roster__done">
            {t('roster.import.done', save.data)}
          </p>
        ) : null}
      </div>
    </CardSection>
  );
}

function LineReport({ lines }: { lines: LineError[] }) {
  const { t } = useRosterTranslation();
  return (
    <>
      <p className="hx-error" role="alert">
        {t('roster.import.bad')}
      </p>
      <TableScroll label={t('roster.import.report')}>
        <table className="hx-roster__table" data-testid="roster-report">
          <caption>{t('roster.import.report')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.columns.line')}</th>
              <th scope="col">{t('roster.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.line}:${line.field}`}>
                <td>{line.line}</td>
                <td>
                  {t(`roster.columns.${line.field}`, { defaultValue: line.field })}: {line.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function RosterList({ forumId }: { forumId: string }) {
  const { t } = useRosterTranslation();
  const roster = useRoster(forumId);
  const change = useChangeBadge(forumId);
  if (roster.isPending) return <Spinner />;
  if (roster.isError)
    return <LoadError message={t('roster.loadFailed')} onRetry={() => void roster.refetch()} />;
  const entries = roster.data;
  return (
    <CardSection headingId="roster-list" title={t('roster.list.title', { count: entries.length })}>
      {entries.length === 0 ? <p>{t('roster.list.empty')}</p> : null}
      <ActionError error={change.error} />
      {entries.length ? (
        <TableScroll label={t('roster.list.table')}>
          <table className="hx-roster__table">
            <thead>
              <tr>
                <th scope="col">{t('roster.columns.name')}</th>
                <th scope="col">{t('roster.columns.organization')}</th>
                <th scope="col">{t('roster.columns.group')}</th>
                <th scope="col">{t('roster.columns.devices')}</th>
                <th scope="col">{t('roster.columns.badge')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <RosterRow
                  key={entry.id}
                  entry={entry}
                  busy={change.isPending}
                  onChange={(badge) => change.mutate({ entryId: entry.id, change: badge })}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </CardSection>
  );
}

function RosterRow({
  entry,
  busy,
  onChange,
}: {
  entry: RosterEntry;
  busy: boolean;
  onChange: (change: 'revoke' | 'renew') => void;
}) {
  const { t } = useRosterTranslation();
  return (
    <tr>
      <th scope="row">
        {entry.displayName}
        <br />
        <span className="hx-muted">{entry.email}</span>
      </th>
      <td>{entry.organization}</td>
      <td>{t(`groups.${entry.stakeholderGroup}`)}</td>
      <td>{entry.devices}</td>
      <td>
        <span>{entry.badgeToken ? t('roster.list.active') : t('roster.list.revoked')}</span>{' '}
        {entry.badgeToken ? (
          <Button
            size="small"
            variant="danger"
            disabled={busy}
            aria-label={`${t('roster.list.revoke')}: ${entry.displayName}`}
            onClick={() => onChange('revoke')}
          >
            {t('roster.list.revoke')}
          </Button>
        ) : null}{' '}
        <Button
          size="small"
          variant="secondary"
          disabled={busy}
          aria-label={`${t('roster.list.renew')}: ${entry.displayName}`}
          onClick={() => onChange('renew')}
        >
          {t('roster.list.renew')}
        </Button>
      </td>
    </tr>
  );
}
