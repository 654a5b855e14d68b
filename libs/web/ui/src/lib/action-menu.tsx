import { Menu, MenuItem, MenuSection, Popover } from 'react-aria-components';
import type { RefObject } from 'react';

export interface MenuAction {
  id: string;
  label: string;
  /** Said instead of `label` where the label is a symbol, as an emoji is. */
  accessibleLabel?: string;
  onAction: () => void;
  tone?: 'danger';
}

/**
 * A menu of actions anchored to the button (or element) that opened it, from React Aria: arrow keys,
 * typeahead, Escape and a tap outside close it, a screen reader hears a menu of items. `quick` actions
 * (reactions) come first, in one row, one tap from opening. Render it only while open.
 */
export function ActionMenu({
  triggerRef,
  label,
  quick = [],
  quickLabel,
  actions,
  onClose,
}: {
  triggerRef: RefObject<Element | null>;
  label: string;
  quick?: MenuAction[];
  quickLabel?: string;
  actions: MenuAction[];
  /** Called before the chosen action runs, or when the menu is dismissed. */
  onClose: () => void;
}) {
  const byId = new Map([...quick, ...actions].map((action) => [action.id, action]));
  return (
    <Popover
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      placement="bottom end"
      className="hx-popover"
    >
      <Menu
        aria-label={label}
        // A menu opened by a press puts the focus on its first item (WAI-ARIA menu button pattern).
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus="first"
        className="hx-menu"
        onAction={(key) => {
          onClose();
          byId.get(String(key))?.onAction();
        }}
      >
        {quick.length ? (
          <MenuSection aria-label={quickLabel} className="hx-menu__quick">
            {quick.map((action) => (
              <MenuItem
                key={action.id}
                id={action.id}
                textValue={action.accessibleLabel ?? action.label}
                aria-label={action.accessibleLabel}
                className="hx-menu__item hx-menu__item--quick"
              >
                {action.label}
              </MenuItem>
            ))}
          </MenuSection>
        ) : null}
        <MenuSection className="hx-menu__section">
          {actions.map((action) => (
            <MenuItem
              key={action.id}
              id={action.id}
              textValue={action.label}
              className={`hx-menu__item${action.tone === 'danger' ? ' hx-menu__item--danger' : ''}`}
            >
              {action.label}
            </MenuItem>
          ))}
        </MenuSection>
      </Menu>
    </Popover>
  );
}
