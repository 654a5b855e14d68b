import { useEffect, useRef, type MouseEvent, type PointerEvent } from 'react';

/** How long a finger rests on a message before its menu opens, as in messengers. */
export const LONG_PRESS_MS = 500;
/** A finger that moves further than this is scrolling, not pressing. */
const MOVE_TOLERANCE_PX = 10;

/**
 * Handlers that call `onLongPress` when a finger rests on the element (iOS fires no `contextmenu`) or
 * when the browser asks for a context menu (Android's long press, a right click). Links and selected text
 * keep the browser's own menu.
 */
export function useLongPress(onLongPress: () => void, enabled = true) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    start.current = null;
  };
  useEffect(() => cancel, []);
  const keepsBrowserMenu = (target: EventTarget) =>
    (target instanceof Element && !!target.closest('a, button, input, textarea, select')) ||
    !!window.getSelection()?.toString();
  if (!enabled) return {};
  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.pointerType !== 'touch' || keepsBrowserMenu(event.target)) return;
      start.current = { x: event.clientX, y: event.clientY };
      timer.current = setTimeout(() => {
        cancel();
        onLongPress();
      }, LONG_PRESS_MS);
    },
    onPointerMove: (event: PointerEvent) => {
      const from = start.current;
      if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > MOVE_TOLERANCE_PX) cancel();
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
    onContextMenu: (event: MouseEvent) => {
      if (keepsBrowserMenu(event.target)) return;
      event.preventDefault();
      cancel();
      onLongPress();
    },
  };
}
