/** What `GET /api/admin/system` tells an admin about the instance that answered. */
export interface SystemStatus {
  version: string;
  schemaVersion: number;
  startedAt: string;
  uptimeSeconds: number;
  instance: { hostname: string; pid: number };
  sockets: number;
  /** Changes waiting in the room queues, and rooms with work in them. */
  roomQueueDepth: number;
  busyRooms: number;
  database: 'up' | 'down';
  redis: 'not configured' | 'connecting' | 'up' | 'down';
  draining: boolean;
  pollsOpen: number;
  initiativesOpen: number;
  /** Scheduled backups: every so many hours (0: off), and the last one this instance wrote. */
  backupEveryHours: number;
  lastBackup: { file: string; at: string; documents: number } | null;
}
