import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { markRoomRead } from '../api/mentions';

const isVisible = (): boolean => document.visibilityState !== 'hidden';

/**
 * The room is read up to the newest message of the open thread once that message is on screen (nothing
 * unseen below) and the tab is visible; the server keeps the mark and writes it coalesced.
 */
export function useMarkRead(roomId: string, newestSeq: number | undefined, allSeen: boolean): void {
  const queryClient = useQueryClient();
  const marked = useRef(0);
  const [visible, setVisible] = useState(isVisible);
  useEffect(() => {
    const onChange = () => setVisible(isVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (!visible || !allSeen || newestSeq === undefined || newestSeq <= marked.current) return;
    marked.current = newestSeq;
    markRoomRead(queryClient, roomId, newestSeq).catch(() => {
      marked.current = 0;
    });
  }, [queryClient, roomId, newestSeq, allSeen, visible]);
}
