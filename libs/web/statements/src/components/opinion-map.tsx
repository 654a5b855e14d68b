import type { OpinionPoint } from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { opinionGroupName } from '../lib/paths';

const SIZE = 400;
const PAD = 48;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Participants placed by their votes (two principal components), each dot in the colour of the stakeholder
 * group they declared, with each opinion group's letter at its centre and a ring around its members: where the
 * declared groups fall apart or together. For the eye only; the lists beside it say the same in words.
 */
export function OpinionMap({ points, groups }: { points: OpinionPoint[]; groups: number }) {
  const { t } = useTranslation();
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  const scale = (SIZE - 2 * PAD) / spread;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const at = (point: { x: number; y: number }) => ({
    x: SIZE / 2 + (point.x - cx) * scale,
    y: SIZE / 2 - (point.y - cy) * scale,
  });
  // People who voted alike sit on one spot: each one after the first is set along a spiral around it.
  const taken = new Map<string, number>();
  const placed = points.map((point) => {
    const spot = at(point);
    const key = `${Math.round(spot.x)}:${Math.round(spot.y)}`;
    const before = taken.get(key) ?? 0;
    taken.set(key, before + 1);
    const radius = 9 * Math.sqrt(before);
    const angle = before * GOLDEN_ANGLE;
    return { ...point, x: spot.x + radius * Math.cos(angle), y: spot.y + radius * Math.sin(angle) };
  });
  const centres = Array.from({ length: groups }, (_, group) => {
    const members = placed.filter((point) => point.group === group);
    const x = members.reduce((sum, point) => sum + point.x, 0) / members.length;
    const y = members.reduce((sum, point) => sum + point.y, 0) / members.length;
    const radius = Math.max(...members.map((point) => Math.hypot(point.x - x, point.y - y))) + 14;
    return { group, x, y, radius };
  });
  return (
    <svg
      className="hx-opinion-map"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={t('statements.map.label', { count: points.length, groups })}
      data-testid="opinion-map"
    >
      {centres.map((centre) => (
        <circle
          key={`ring-${centre.group}`}
          className="hx-opinion-map__ring"
          cx={centre.x}
          cy={centre.y}
          r={centre.radius}
        />
      ))}
      {placed.map((point, index) => (
        <circle
          // The points are anonymous: their place in the list is all that tells them apart.
          key={index}
          className={`hx-opinion-map__dot hx-opinion-map__dot--${point.stakeholderGroup}`}
          cx={point.x}
          cy={point.y}
          r={6}
        />
      ))}
      {centres.map((centre) => (
        <text
          key={`label-${centre.group}`}
          className="hx-opinion-map__label"
          x={centre.x}
          y={centre.y - centre.radius - 4}
        >
          {opinionGroupName(centre.group)}
        </text>
      ))}
    </svg>
  );
}
