import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * The header's secondary tools (language, account). A wide screen shows them in the header row; a narrow
 * one keeps the row to the brand and the main links and puts these behind a disclosure button, so that a
 * phone's first screen is the page rather than the header.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Escape closes it and gives the focus back to the button; a press anywhere else closes it too, the
  // focus staying where that press put it.
  useEffect(() => {
    if (!open) return;
    const inside = (node: EventTarget | null) =>
      node instanceof Node && (!!toggle.current?.contains(node) || !!panel.current?.contains(node));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const hadFocus = inside(document.activeElement) || document.activeElement === document.body;
      setOpen(false);
      if (hadFocus) toggle.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="hx-header-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        <svg className="hx-header-menu__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 6h18M3 12h18M3 18h18" />
        </svg>
        <span className="hx-visually-hidden">{label}</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        className={open ? 'hx-header-menu__panel hx-header-menu__panel--open' : 'hx-header-menu__panel'}
      >
        {children}
      </div>
    </>
  );
}
