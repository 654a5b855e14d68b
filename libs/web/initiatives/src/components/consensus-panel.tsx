import { describeRule, describeUnmet } from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language';
import { conditionStatuses, type ConditionStatus } from '../lib/conditions';

function verdictKey(initiative: Initiative): string {
  switch (initiative.status) {
    case 'draft':
      return 'initiatives.verdict.draft';
    case 'adopted':
      return 'initiatives.verdict.adopted';
    case 'rejected':
      return 'initiatives.verdict.rejected';
    default:
      return initiative.consensus.reached ? 'initiatives.verdict.reached' : 'initiatives.verdict.notReached';
  }
}

type VerdictState = 'draft' | 'reached' | 'not-reached';

const VERDICT_ICON: Record<VerdictState, string> = { draft: '… ', reached: '✓ ', 'not-reached': '✗ ' };

function verdictState(initiative: Initiative): VerdictState {
  if (initiative.status === 'draft') return 'draft';
  const reached =
    initiative.status === 'adopted' || (initiative.status === 'voting' && initiative.consensus.reached);
  return reached ? 'reached' : 'not-reached';
}

/** Whether the initiative has consensus, in words and an icon; `announce` reads changes out. */
export function Verdict({ initiative, announce = false }: { initiative: Initiative; announce?: boolean }) {
  const { t } = useTranslation();
  const state = verdictState(initiative);
  return (
    <p
      className={`hx-verdict hx-verdict--${state}`}
      role={announce ? 'status' : undefined}
      data-testid="consensus-verdict"
      data-reached={String(initiative.consensus.reached)}
    >
      <span aria-hidden="true">{VERDICT_ICON[state]}</span>
      {t(verdictKey(initiative))}
    </p>
  );
}

/** One of the rule's conditions, met or not; `children` go on to say by how much. */
export function ConditionItem({ status, children }: { status: ConditionStatus; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li
      className={`hx-condition hx-condition--${status.met ? 'met' : 'unmet'}`}
      data-testid={`condition-${status.kind}`}
      data-met={String(status.met)}
    >
      <span className="hx-condition__icon" aria-hidden="true">
        {status.met ? '✓' : '✗'}
      </span>
      <span>
        <strong>{t(`initiatives.conditions.${status.kind}.name`)}</strong>{' '}
        <span className="hx-condition__state">
          ({status.met ? t('initiatives.conditions.met') : t('initiatives.conditions.unmet')})
        </span>
        {children}
      </span>
    </li>
  );
}

function ConditionFacts({ status, rule }: { status: ConditionStatus; rule: Initiative['rule'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = new Intl.NumberFormat(language, { style: 'percent' }).format(rule.groupThreshold);
  const met = {
    quorum: () => t('initiatives.conditions.quorum.met', { count: status.facts.votes, needed: rule.quorum }),
    groups: () =>
      t('initiatives.conditions.groups.met', { count: status.facts.groups, needed: rule.minGroups }),
    threshold: () => t('initiatives.conditions.threshold.met', { percent }),
    blocks: () =>
      t('initiatives.conditions.blocks.met', { count: status.facts.blocks, allowed: rule.maxBlocks }),
  }[status.kind];
  return (
    <>
      {': '}
      {status.met ? met() : status.unmet.map((condition) => describeUnmet(condition, language)).join(' ')}
    </>
  );
}

/** The verdict, the rule in words, and each of its four conditions, met or not, worded in the UI language. */
export function ConsensusPanel({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const statuses = conditionStatuses(initiative);
  return (
    <section aria-labelledby="consensus-heading" className="hx-consensus">
      <h2 id="consensus-heading">{t('initiatives.page.consensus')}</h2>
      <Verdict initiative={initiative} announce />
      <p className="hx-rule" data-testid="rule-text">
        {describeRule(initiative.rule, language)}
      </p>
      {initiative.status !== 'draft' ? (
        <ul className="hx-conditions" aria-label={t('initiatives.conditions.title')}>
          {statuses.map((status) => (
            <ConditionItem key={status.kind} status={status}>
              <ConditionFacts status={status} rule={initiative.rule} />
            </ConditionItem>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
