// A separate entry point: menus open on a press, so React Aria's menu code loads with the first one
// opened rather than with the first page.
export * from './lib/action-menu';
