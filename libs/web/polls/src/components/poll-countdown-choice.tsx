import { POLL_COUNTDOWN_MAX_SECONDS } from '@helix/contract';
import { SelectField, TextField } from '@helix/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The countdowns a moderator picks from in one tap; "custom" takes any whole number of minutes. */
const PRESET_MINUTES = [1, 2, 5, 10] as const;
const MAX_MINUTES = POLL_COUNTDOWN_MAX_SECONDS / 60;

export interface CountdownChoice {
  /** Undefined: no countdown, or a custom one not (yet) a whole number of minutes in range. */
  closesInSeconds: number | undefined;
  invalid: boolean;
}

/** How long the poll stays open once opened: nothing, a preset, or a custom number of minutes. */
export function usePollCountdownChoice() {
  const [choice, setChoice] = useState('none');
  const [customMinutes, setCustomMinutes] = useState('');
  const minutes = choice === 'custom' ? Number(customMinutes) : Number(choice);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES;
  const value: CountdownChoice = {
    closesInSeconds: choice !== 'none' && valid ? minutes * 60 : undefined,
    invalid: choice === 'custom' && !valid,
  };
  return { choice, setChoice, customMinutes, setCustomMinutes, value };
}

export function PollCountdownChoice({ state }: { state: ReturnType<typeof usePollCountdownChoice> }) {
  const { t } = useTranslation();
  const options = [
    { value: 'none', label: t('polls.countdown.none') },
    ...PRESET_MINUTES.map((minutes) => ({
      value: String(minutes),
      label: t('polls.countdown.minutes', { count: minutes }),
    })),
    { value: 'custom', label: t('polls.countdown.custom') },
  ];
  return (
    <div className="hx-row">
      <SelectField
        label={t('polls.countdown.label')}
        options={options}
        value={state.choice}
        onChange={(event) => state.setChoice(event.target.value)}
      />
      {state.choice === 'custom' ? (
        <TextField
          label={t('polls.countdown.customMinutes')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          value={state.customMinutes}
          onChange={(event) => state.setCustomMinutes(event.target.value)}
          error={
            state.value.invalid && state.customMinutes
              ? t('polls.countdown.customInvalid', { count: MAX_MINUTES })
              : undefined
          }
        />
      ) : null}
    </div>
  );
}
