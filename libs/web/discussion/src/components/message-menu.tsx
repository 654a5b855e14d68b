// Loaded on demand (see message-item): React Aria's menu stays out of the first page.
export { ActionMenu as default } from '@helix/web/ui/menu';
