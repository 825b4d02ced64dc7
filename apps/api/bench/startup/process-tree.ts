import { readdir, readFile } from 'node:fs/promises';
import { memoryOf } from '../shared/proc-stats';

/**
 * `npm start` is npm → scripts/start.mjs → node apps/api/dist/main.js (and the bot): the process
 * that serves is a descendant. These helpers find it and sum the tree.
 */
async function parentsByPid(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  return parents;
}

export async function descendantsOf(root: number): Promise<number[]> {
  const parents = await parentsByPid();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

const commandOf = async (pid: number) => {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/** The API's own Node process under `root`: the last (deepest) one running its bundle. */
export async function apiProcessUnder(root: number): Promise<number | undefined> {
  const candidates: number[] = [];
  for (const pid of await descendantsOf(root))
    if ((await commandOf(pid)).includes('apps/api/dist/main.js')) candidates.push(pid);
  return candidates.at(-1);
}

/** Resident memory of `root` and all its descendants, in kB. */
export async function treeRssKb(root: number): Promise<number> {
  let total = 0;
  for (const pid of [root, ...(await descendantsOf(root))]) {
    try {
      total += (await memoryOf(pid)).rssKb;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
