// What Linux reports about a process in /proc: memory and CPU time.
import { readdir, readFile } from 'node:fs/promises';

/** Resident and peak resident memory of a process, in kB (from /proc/<pid>/status). */
export async function memoryOf(pid: number): Promise<{ rssKb: number; peakKb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/**
 * CPU seconds used so far by every live process with this command name (all of PostgreSQL's
 * processes on this machine: backends, WAL writer, checkpointer). A process that exited took
 * its time with it, so compare two readings over a span in which the ones that matter live.
 */
export async function cpuSecondsOfCommand(command: string): Promise<number> {
  let seconds = 0;
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== command) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // exited meanwhile
    }
  }
  return seconds;
}

/** Pids of the live processes in a process group (what `npm start` leaves running). */
export async function processGroupMembers(groupId: number): Promise<number[]> {
  const members: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === groupId && state !== 'Z') members.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}
