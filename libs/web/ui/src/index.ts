import './lib/styles.css';

export * from './lib/button';
export * from './lib/text-field';
export * from './lib/spinner';
export * from './lib/connection-banner';
export * from './lib/layout';
export * from './lib/header-menu';
export * from './lib/linkified-text';
export * from './lib/use-document-title';
export * from './lib/load-error';
export * from './lib/card-section';
export * from './lib/new-tab-link';
export * from './lib/action-error';
export * from './lib/table-scroll';
export * from './lib/follow-focus';
