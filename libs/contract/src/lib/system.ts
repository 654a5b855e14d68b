import { z } from 'zod';

/** What `GET /api/admin/system` tells an admin about the instance that answered. */
export const systemStatusSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  startedAt: z.string(),
  uptimeSeconds: z.number().int(),
  instance: z.object({ hostname: z.string(), pid: z.number().int() }),
  sockets: z.number().int(),
  /** Changes waiting in the room queues, and rooms with work in them. */
  roomQueueDepth: z.number().int(),
  busyRooms: z.number().int(),
  database: z.enum(['up', 'down']),
  redis: z.enum(['not configured', 'connecting', 'up', 'down']),
  draining: z.boolean(),
  pollsOpen: z.number().int(),
  initiativesOpen: z.number().int(),
  /** Scheduled backups: every so many hours (0: off), and the last one this instance wrote. */
  backupEveryHours: z.number(),
  lastBackup: z.object({ file: z.string(), at: z.string(), documents: z.number().int() }).nullable(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
