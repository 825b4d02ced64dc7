import type { NextFunction, Request, Response } from 'express';
import { dialectOf } from '../dialects';

/** The headers a vendor family sends on every response of its paths (Sharely's `X-API-Version`). */
export function dialectHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = dialectOf(req.path)?.headers;
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}
