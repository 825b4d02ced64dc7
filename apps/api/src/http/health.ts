import type { Database } from '@switchboard/db';
import type { Request, Response } from 'express';

/** Healthy when the database answers; names which database so operators see the mode at a glance. */
export function health(db: Database) {
  return async (_req: Request, res: Response) => {
    try {
      await db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', database: db.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: db.kind });
    }
  };
}
