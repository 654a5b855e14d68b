import { useTranslation } from 'react-i18next';

export interface ConsoleSectionLink {
  headingId: string;
  label: string;
}

/** On a phone the console's sections stack up: these links take a thumb straight to the one needed now. */
export function ConsoleSectionLinks({ sections }: { sections: readonly ConsoleSectionLink[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('moderation.sections')} className="hx-console__sections">
      {sections.map((section) => (
        <a key={section.headingId} href={`#${section.headingId}`}>
          {section.label}
        </a>
      ))}
    </nav>
  );
}
