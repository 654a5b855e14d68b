import type { OptionResult } from '../lib/poll-results';

const width = (share: number): { width: string } => ({ width: `${(share * 100).toFixed(2)}%` });

/** One option's bar: its share of voters, split by stakeholder group when the split is known. */
export function PollResultBar({ option, split }: { option: OptionResult; split: boolean }) {
  return (
    <span className="hx-poll-bar" aria-hidden="true">
      {split ? (
        <>
          {option.groups.map((part) => (
            <span
              key={part.group}
              className={`hx-poll-bar__part hx-poll-bar__part--${part.group}`}
              style={width(part.share)}
            />
          ))}
          {option.hiddenVotes > 0 ? (
            <span className="hx-poll-bar__part hx-poll-bar__part--hidden" style={width(option.hiddenShare)} />
          ) : null}
        </>
      ) : (
        <span className="hx-poll-bar__part hx-poll-bar__part--all" style={width(option.share)} />
      )}
    </span>
  );
}
