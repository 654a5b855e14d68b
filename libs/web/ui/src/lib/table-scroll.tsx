import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box when it is wider than a phone, so the page never
 * does. The box takes keyboard focus, or keyboard users could not scroll it (WCAG 2.1.1), and is a
 * named region so a screen reader says what the focus landed on.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="hx-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
