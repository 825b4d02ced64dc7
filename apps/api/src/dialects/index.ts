import type { Dialect } from './dialect';
import { infobip } from './infobip';
import { sharely } from './sharely';
import { symbl } from './symbl';

/** The vendor families served over REST besides the procedures' own paths. */
export const dialects: readonly Dialect[] = [symbl, sharely, infobip];

/** The family a request path belongs to, if any (its error envelope and headers). */
export const dialectOf = (path: string): Dialect | undefined =>
  dialects.find((dialect) => dialect.owns(path));
