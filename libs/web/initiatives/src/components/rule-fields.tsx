import type { ConsensusRule } from '@helix/consensus';
import { TextField } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { ruleBounds, type RuleErrors, type RuleForm } from '../lib/initiative-draft';

const FIELDS: readonly { key: keyof RuleForm; min: number; max: number }[] = [
  { key: 'quorum', min: 1, max: 100_000 },
  { key: 'minGroups', min: 1, max: 4 },
  { key: 'threshold', min: 50, max: 100 },
  { key: 'maxBlocks', min: 0, max: 1000 },
];

/**
 * The four numbers of a consensus rule. With `minimum`, each field is held to the forum's minimum: its
 * bound is in the input's min (max, for blocks) and a looser value is explained in words.
 */
export function RuleFields({
  form,
  errors,
  minimum,
  onChange,
}: {
  form: RuleForm;
  errors: RuleErrors;
  minimum?: ConsensusRule;
  onChange: (key: keyof RuleForm, value: string) => void;
}) {
  const { t } = useTranslation();
  const bounds = minimum ? ruleBounds(minimum) : undefined;
  const message = (key: keyof RuleForm): string | undefined => {
    const error = errors[key];
    if (!error) return undefined;
    if (error === 'belowMinimum' || error === 'aboveMaximum')
      return t(`initiatives.open.errors.minimum.${key}`, { count: bounds?.[key] ?? 0 });
    return t(`initiatives.open.errors.${error}`);
  };
  return (
    <div className="hx-open-voting__grid">
      {FIELDS.map(({ key, min, max }) => (
        <TextField
          key={key}
          type="number"
          inputMode="numeric"
          min={bounds && key !== 'maxBlocks' ? bounds[key] : min}
          max={bounds && key === 'maxBlocks' ? bounds[key] : max}
          label={t(`initiatives.open.${key}`)}
          value={form[key]}
          error={message(key)}
          onChange={(event) => onChange(key, event.target.value)}
        />
      ))}
    </div>
  );
}
