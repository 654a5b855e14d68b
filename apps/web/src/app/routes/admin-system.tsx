import type { SystemStatus } from '@helix/contract';
import { apiClient, formatDateTime, formatNumber, useCurrentUser } from '@helix/web/data-access';
import { CardSection, LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './admin-system.css';

/** How often the page asks again: the figures move with the hall. */
const REFRESH_MS = 5_000;

/**
 * Loaded on demand (see the router): the admin's view of the instance that answered — version, uptime,
 * sockets, room queues, database, Redis and the last scheduled backup (`GET /api/admin/system`).
 */
export default function AdminSystemRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('system.title'));
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <Spinner />;
  if (!user?.roles.includes('admin')) {
    return (
      <>
        <h1>{t('system.title')}</h1>
        <p>{t('system.adminsOnly')}</p>
      </>
    );
  }
  return <SystemStatusView />;
}

function SystemStatusView() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const status = useQuery({
    queryKey: ['admin', 'system'],
    queryFn: () => apiClient.get<SystemStatus>('/admin/system'),
    refetchInterval: REFRESH_MS,
  });
  if (status.isPending) return <Spinner />;
  if (status.isError)
    return <LoadError message={t('system.loadError')} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const state = (up: boolean, word: string) => <span className={up ? undefined : 'hx-error'}>{word}</span>;
  return (
    <>
      <h1>{t('system.title')}</h1>
      <p>{t('system.instance', { hostname: s.instance.hostname, pid: s.instance.pid })}</p>
      <CardSection headingId="system-instance" title={t('system.instanceHeading')}>
        <Facts>
          <Fact label={t('system.version')}>
            {t('system.versionValue', { version: s.version, schema: s.schemaVersion })}
          </Fact>
          <Fact label={t('system.uptime')}>{t('system.uptimeValue', uptimeParts(s.uptimeSeconds))}</Fact>
          <Fact label={t('system.startedAt')}>{formatDateTime(s.startedAt, language)}</Fact>
          <Fact label={t('system.serving')}>
            {state(!s.draining, s.draining ? t('system.draining') : t('system.accepting'))}
          </Fact>
        </Facts>
      </CardSection>
      <CardSection headingId="system-load" title={t('system.loadHeading')}>
        <Facts>
          <Fact label={t('system.sockets')}>{formatNumber(s.sockets, language)}</Fact>
          <Fact label={t('system.queueDepth')}>{formatNumber(s.roomQueueDepth, language)}</Fact>
          <Fact label={t('system.busyRooms')}>{formatNumber(s.busyRooms, language)}</Fact>
          <Fact label={t('system.pollsOpen')}>{formatNumber(s.pollsOpen, language)}</Fact>
          <Fact label={t('system.initiativesOpen')}>{formatNumber(s.initiativesOpen, language)}</Fact>
        </Facts>
      </CardSection>
      <CardSection headingId="system-dependencies" title={t('system.dependenciesHeading')}>
        <Facts>
          <Fact label={t('system.database')}>
            {state(s.database === 'up', t(`system.state.${s.database}`))}
          </Fact>
          <Fact label={t('system.redis')}>
            {state(s.redis !== 'down', t(`system.redisState.${s.redis.replace(' ', '_')}`))}
          </Fact>
        </Facts>
      </CardSection>
      <CardSection headingId="system-backup" title={t('system.backupHeading')}>
        <Facts>
          <Fact label={t('system.backupSchedule')}>
            {s.backupEveryHours
              ? t('system.backupEvery', { hours: formatNumber(s.backupEveryHours, language) })
              : t('system.backupOff')}
          </Fact>
          <Fact label={t('system.lastBackup')}>
            {s.lastBackup
              ? t('system.lastBackupValue', {
                  at: formatDateTime(s.lastBackup.at, language),
                  documents: formatNumber(s.lastBackup.documents, language),
                })
              : t('system.noBackup')}
          </Fact>
        </Facts>
      </CardSection>
    </>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="hx-facts">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function uptimeParts(seconds: number): { days: number; hours: number; minutes: number } {
  return {
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3_600),
    minutes: Math.floor((seconds % 3_600) / 60),
  };
}
