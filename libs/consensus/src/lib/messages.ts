import type { StakeholderGroup } from '@helix/contract';
import type { ConsensusRule } from './rule';

export type Language = 'en' | 'ru';

export type UnmetCondition =
  | { kind: 'quorum'; votes: number; needed: number }
  | { kind: 'groups'; voted: number; needed: number; missing: StakeholderGroup[] }
  | { kind: 'threshold'; group: StakeholderGroup; agree: number; disagree: number; threshold: number }
  | { kind: 'blocks'; blocks: number; allowed: number; groups: StakeholderGroup[] };

const GROUP_NAMES: Record<Language, Record<StakeholderGroup, string>> = {
  en: {
    university: 'Universities',
    business: 'Business',
    government: 'Government',
    civil_society: 'Civil society',
  },
  ru: {
    university: 'Университеты',
    business: 'Бизнес',
    government: 'Власть',
    civil_society: 'Гражданское общество',
  },
};

/** A stakeholder group as people read it ("Civil society", «Гражданское общество»), e.g. in CSV exports. */
export const stakeholderGroupName = (group: StakeholderGroup, language: Language): string =>
  GROUP_NAMES[language][group];

const percent = (value: number): string => `${Math.round(value * 100)}%`;

function list(items: string[], language: Language): string {
  if (items.length < 2) return items.join('');
  const and = language === 'ru' ? ' и ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/** Russian nouns take one of three forms by number: 1 голос, 2 голоса, 5 голосов. */
function ru(count: number, [one, few, many]: [string, string, string]): string {
  const form = new Intl.PluralRules('ru').select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

const en = (count: number, singular: string, plural = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : plural}`;

/** A plain sentence a participant understands, for one condition that is not met. */
export function describeUnmet(condition: UnmetCondition, language: Language): string {
  const names = GROUP_NAMES[language];
  switch (condition.kind) {
    case 'quorum':
      return language === 'ru'
        ? `Подано ${ru(condition.votes, ['голос', 'голоса', 'голосов'])} из ${condition.needed} необходимых.`
        : `Only ${en(condition.votes, 'vote')} of the ${condition.needed} needed have been cast.`;
    case 'groups': {
      const missing = list(
        condition.missing.map((group) => names[group]),
        language,
      );
      return language === 'ru'
        ? `Ещё нет голосов от: ${missing} (проголосовали ${condition.voted} из ${condition.needed} необходимых групп).`
        : `${missing} ${condition.missing.length === 1 ? 'has' : 'have'} not voted yet (${condition.voted} of ${condition.needed} groups needed).`;
    }
    case 'threshold': {
      const name = names[condition.group];
      const total = condition.agree + condition.disagree;
      return language === 'ru'
        ? `${name}: «за» ${condition.agree} из ${total} (${percent(condition.agree / total)}), нужно не меньше ${percent(condition.threshold)}.`
        : `${name}: ${condition.agree} of ${total} agree (${percent(condition.agree / total)}); at least ${percent(condition.threshold)} is needed.`;
    }
    case 'blocks': {
      const who = list(
        condition.groups.map((group) => names[group]),
        language,
      );
      return language === 'ru'
        ? `Заблокировано: ${ru(condition.blocks, ['блок', 'блока', 'блоков'])} (${who}); допускается не больше ${condition.allowed}.`
        : `Blocked: ${en(condition.blocks, 'block')} (${who}); at most ${condition.allowed} allowed.`;
    }
  }
}

/** The rule in words, for the UI and the API docs. */
export function describeRule(rule: ConsensusRule, language: Language): string {
  // "не меньше 1 голоса", "не меньше 5 голосов": after «не меньше» the genitive, singular only for one.
  const ruGenitive = (count: number, [one, many]: [string, string]) =>
    `${count} ${new Intl.PluralRules('ru').select(count) === 'one' ? one : many}`;
  return language === 'ru'
    ? `Консенсус достигнут, если подано не меньше ${ruGenitive(rule.quorum, ['голоса', 'голосов'])} из не меньше чем ${ruGenitive(rule.minGroups, ['группы', 'групп'])} участников; в каждой группе, высказавшей мнение, доля «за» среди «за» и «против» не меньше ${percent(rule.groupThreshold)}; блоков не больше ${rule.maxBlocks}. Воздержавшиеся участвуют, но не голосуют ни за, ни против.`
    : `Consensus is reached with at least ${en(rule.quorum, 'vote')} from at least ${en(rule.minGroups, 'stakeholder group')}, when in every group that took a side at least ${percent(rule.groupThreshold)} of its agree/disagree votes agree, and with no more than ${en(rule.maxBlocks, 'block')}. Abstaining takes part but counts neither for nor against.`;
}
