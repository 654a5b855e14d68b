import type { MouseEvent } from 'react';
import './room-section-nav.css';

export interface SectionNavItem {
  /** The id of the element the link brings into view and focuses. */
  targetId: string;
  /** Where the link goes while its section is not on the page (a room with no polls yet). */
  fallbackId?: string;
  label: string;
}

function jump(event: MouseEvent<HTMLAnchorElement>, item: SectionNavItem): void {
  const target =
    document.getElementById(item.targetId) ??
    (item.fallbackId ? document.getElementById(item.fallbackId) : null);
  if (!target) return;
  event.preventDefault();
  // Focus follows, so keyboard and screen-reader users continue from the section they chose.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
}

/**
 * Links to the sections of the room page, fixed to the bottom of a phone's screen where a thumb
 * reaches them; on wider screens the sections are close together and the bar is not shown. It loads
 * with the Q&A, outside the first page's JavaScript.
 */
export function SectionNav({ label, items }: { label: string; items: readonly SectionNavItem[] }) {
  return (
    <nav className="hx-section-nav" aria-label={label}>
      <ul className="hx-section-nav__list">
        {items.map((item) => (
          <li key={item.targetId}>
            <a
              className="hx-section-nav__link"
              href={`#${item.targetId}`}
              onClick={(event) => jump(event, item)}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
