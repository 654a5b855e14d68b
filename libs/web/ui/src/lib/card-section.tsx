import type { ReactNode } from 'react';

/** A card that is a page section: named by its own `<h2>`, so it is a landmark a screen reader lists. */
export function CardSection({
  headingId,
  title,
  testId,
  className,
  children,
}: {
  headingId: string;
  title: ReactNode;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `hx-card ${className}` : 'hx-card'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
