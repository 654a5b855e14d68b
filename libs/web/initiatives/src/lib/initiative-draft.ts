import type { ConsensusRule } from '@helix/consensus';
import {
  STAKEHOLDER_GROUPS,
  type CreateInitiativeRequest,
  type Initiative,
  type OpenVotingRequest,
  type StakeholderGroup,
} from '@helix/contract';

export const PREFILL_TEXT_MAX = 200;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 4000;
export const ORGANIZATION_MAX = 120;

export interface PartnerDraft {
  /** Stable React key for a row. */
  key: string;
  organization: string;
  stakeholderGroup: StakeholderGroup | '';
}

export interface InitiativeDraft {
  title: string;
  summary: string;
  roomId: string;
  partners: PartnerDraft[];
  source: { roomId: string; threadId: string; messageId: string } | null;
}

export type DraftErrors = Partial<Record<'title' | 'summary', 'required' | 'tooLong'>> & {
  partners?: Record<string, 'organizationRequired' | 'groupRequired'>;
};

const ID = /^[0-9a-f]{24}$/;
let partnerKeys = 0;

export function newPartner(partner: Partial<Omit<PartnerDraft, 'key'>> = {}): PartnerDraft {
  partnerKeys += 1;
  return { key: `partner-${partnerKeys}`, organization: '', stakeholderGroup: '', ...partner };
}

function isGroup(value: string | null): value is StakeholderGroup {
  return !!value && (STAKEHOLDER_GROUPS as readonly string[]).includes(value);
}

/** A title from the first line of a message: up to the first sentence end, at most 120 characters. */
export function titleFromText(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  const sentence = line.match(/^.+?[.!?…](?=\s|$)/)?.[0] ?? line;
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 119);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The form's starting point from `?roomId=&threadId=&messageId=&text=` ("Propose as initiative" on a
 * message): the room, the link back to the message, and the message's words as title and summary; or from
 * `?roomId=&title=&summary=` (`seedInitiativeHref`: a poll's result or a bridging statement).
 */
export function draftFromSearch(params: URLSearchParams): InitiativeDraft {
  const roomId = params.get('roomId') ?? '';
  const threadId = params.get('threadId') ?? '';
  const messageId = params.get('messageId') ?? '';
  const text = (params.get('text') ?? '').slice(0, PREFILL_TEXT_MAX).trim();
  const title = (params.get('title') ?? '').slice(0, TITLE_MAX).trim();
  const summary = (params.get('summary') ?? '').slice(0, SUMMARY_MAX).trim();
  const validRoom = ID.test(roomId);
  return {
    title: title || (text ? titleFromText(text) : ''),
    summary: summary || text,
    roomId: validRoom ? roomId : '',
    partners: [newPartner()],
    source: validRoom && ID.test(threadId) && ID.test(messageId) ? { roomId, threadId, messageId } : null,
  };
}

/** An existing draft initiative, for editing; the proposer's own partner row is fixed, so left out. */
export function draftFromInitiative(initiative: Initiative): InitiativeDraft {
  const [, ...others] = initiative.partners;
  return {
    title: initiative.title,
    summary: initiative.summary,
    roomId: initiative.roomId ?? '',
    partners: others.length
      ? others.map(({ organization, stakeholderGroup }) => newPartner({ organization, stakeholderGroup }))
      : [newPartner()],
    source: initiative.source,
  };
}

/** Rows left completely empty are ignored; a half-filled row is an error. */
export function validateDraft(draft: InitiativeDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  const summary = draft.summary.trim();
  if (!title) errors.title = 'required';
  else if (title.length > TITLE_MAX) errors.title = 'tooLong';
  if (!summary) errors.summary = 'required';
  else if (summary.length > SUMMARY_MAX) errors.summary = 'tooLong';
  for (const partner of draft.partners) {
    const organization = partner.organization.trim();
    if (!organization && !partner.stakeholderGroup) continue;
    errors.partners ??= {};
    if (!organization) errors.partners[partner.key] = 'organizationRequired';
    else if (!partner.stakeholderGroup) errors.partners[partner.key] = 'groupRequired';
    else delete errors.partners[partner.key];
  }
  if (errors.partners && Object.keys(errors.partners).length === 0) delete errors.partners;
  return errors;
}

export const hasErrors = (errors: DraftErrors): boolean => Object.keys(errors).length > 0;

/** The request body for create (and, without `source`, for a draft's edit). */
export function toRequest(draft: InitiativeDraft): CreateInitiativeRequest {
  const partners = draft.partners
    .map((partner) => ({
      organization: partner.organization.trim(),
      stakeholderGroup: partner.stakeholderGroup,
    }))
    .filter(
      (partner): partner is { organization: string; stakeholderGroup: StakeholderGroup } =>
        !!partner.organization && isGroup(partner.stakeholderGroup),
    );
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    roomId: draft.roomId || null,
    partners,
    ...(draft.source ? { source: draft.source } : {}),
  };
}

/** A consensus rule as typed into a form: the threshold in percent. */
export interface RuleForm {
  quorum: string;
  minGroups: string;
  /** Percent, 50 to 100. */
  threshold: string;
  maxBlocks: string;
}

export type RuleErrors = Partial<
  Record<keyof RuleForm, 'invalid' | 'range' | 'belowMinimum' | 'aboveMaximum'>
>;

export interface OpenVotingForm extends RuleForm {
  /** `datetime-local` value, in the viewer's time zone; empty for no closing time. */
  closesAt: string;
}

export type OpenVotingErrors = RuleErrors & { closesAt?: 'past' | 'invalid' };

export const percentOf = (ratio: number): number => Math.round(ratio * 100);

export function ruleForm(rule: ConsensusRule): RuleForm {
  return {
    quorum: String(rule.quorum),
    minGroups: String(rule.minGroups),
    threshold: String(percentOf(rule.groupThreshold)),
    maxBlocks: String(rule.maxBlocks),
  };
}

export const openVotingForm = (rule: ConsensusRule): OpenVotingForm => ({ closesAt: '', ...ruleForm(rule) });

function integer(value: string, min: number, max: number): number | 'invalid' | 'range' {
  if (!/^\s*\d+\s*$/.test(value)) return 'invalid';
  const number = Number(value);
  return number < min || number > max ? 'range' : number;
}

/** Reads a rule form within the contract's bounds. */
export function parseRuleForm(form: RuleForm): { errors: RuleErrors; rule: ConsensusRule | null } {
  const errors: RuleErrors = {};
  const quorum = integer(form.quorum, 1, 100_000);
  const minGroups = integer(form.minGroups, 1, 4);
  const threshold = integer(form.threshold, 50, 100);
  const maxBlocks = integer(form.maxBlocks, 0, 1000);
  if (typeof quorum === 'string') errors.quorum = quorum;
  if (typeof minGroups === 'string') errors.minGroups = minGroups;
  if (typeof threshold === 'string') errors.threshold = threshold;
  if (typeof maxBlocks === 'string') errors.maxBlocks = maxBlocks;
  if (Object.keys(errors).length) return { errors, rule: null };
  return {
    errors,
    rule: {
      quorum: quorum as number,
      minGroups: minGroups as number,
      groupThreshold: (threshold as number) / 100,
      maxBlocks: maxBlocks as number,
    },
  };
}

/** The fields of `rule` that differ from `base`; the threshold as far as the form shows it, in whole percent. */
export function ruleChanges(rule: ConsensusRule, base: ConsensusRule): Partial<ConsensusRule> {
  const changes: Partial<ConsensusRule> = {};
  if (rule.quorum !== base.quorum) changes.quorum = rule.quorum;
  if (rule.minGroups !== base.minGroups) changes.minGroups = rule.minGroups;
  if (percentOf(rule.groupThreshold) !== percentOf(base.groupThreshold))
    changes.groupThreshold = rule.groupThreshold;
  if (rule.maxBlocks !== base.maxBlocks) changes.maxBlocks = rule.maxBlocks;
  return changes;
}

/**
 * Checks the open-voting form against the forum's minimum rule and builds the request: the closing time as
 * UTC ISO, and the rule fields only where they differ from the minimum (which the API applies otherwise).
 * A field looser than the minimum is refused, as the API would.
 */
export function toOpenVotingRequest(
  form: OpenVotingForm,
  minimum: ConsensusRule,
  now: number,
): { errors: OpenVotingErrors; request: OpenVotingRequest | null } {
  const errors: OpenVotingErrors = {};
  let closesAt: string | undefined;
  if (form.closesAt) {
    const time = new Date(form.closesAt).getTime();
    if (!Number.isFinite(time)) errors.closesAt = 'invalid';
    else if (time <= now) errors.closesAt = 'past';
    else closesAt = new Date(time).toISOString();
  }
  const parsed = parseRuleForm(form);
  Object.assign(errors, parsed.errors);
  if (parsed.rule) {
    const bounds = ruleBounds(minimum);
    for (const key of ['quorum', 'minGroups', 'threshold'] as const)
      if (Number(form[key]) < bounds[key]) errors[key] = 'belowMinimum';
    if (Number(form.maxBlocks) > bounds.maxBlocks) errors.maxBlocks = 'aboveMaximum';
  }
  if (!parsed.rule || Object.keys(errors).length) return { errors, request: null };
  const overrides = ruleChanges(parsed.rule, minimum);
  return {
    errors,
    request: {
      ...(closesAt ? { closesAt } : {}),
      ...(Object.keys(overrides).length ? { rule: overrides } : {}),
    },
  };
}

/**
 * The least each field may be under `minimum` (the most, for blocks allowed), as the form shows them: the
 * minimum's threshold in whole percent stands for the minimum itself, and is not sent (the API applies it).
 */
export function ruleBounds(minimum: ConsensusRule): Record<keyof RuleForm, number> {
  return {
    quorum: minimum.quorum,
    minGroups: minimum.minGroups,
    threshold: percentOf(minimum.groupThreshold),
    maxBlocks: minimum.maxBlocks,
  };
}

/** `datetime-local` wants local time without a zone: the earliest allowed value, now. */
export function localDateTimeValue(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
