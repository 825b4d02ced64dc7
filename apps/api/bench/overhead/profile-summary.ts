import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self and inclusive time by file and by function from a V8 .cpuprofile, as plain-text tables,
 * counting only busy samples (idle excluded) of the last `lastSeconds` of the profile (the load
 * phase, without start-up) when given.
 */
export function summarizeProfile(path: string, options: { lastSeconds?: number; top?: number } = {}): string {
  const top = options.top ?? 40;
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const from = options.lastSeconds ? profile.endTime - options.lastSeconds * 1e6 : 0;

  const self = { file: new Map<string, number>(), fn: new Map<string, number>() };
  // Node internals and natives charged to the nearest package or source file that called them.
  const owner = { pkg: new Map<string, number>(), fn: new Map<string, number>() };
  const inclusive = { file: new Map<string, number>(), fn: new Map<string, number>() };
  let busy = 0;
  let idle = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < from) return;
    const leaf = byId.get(id) as ProfileNode;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    busy += delta;
    add(self.file, fileOf(leaf), delta);
    add(self.fn, functionOf(leaf), delta);
    let charged: ProfileNode | undefined;
    for (let node: number | undefined = id; node !== undefined && !charged; node = parent.get(node)) {
      const frame = byId.get(node) as ProfileNode;
      if (ownerOf(frame)) charged = frame;
    }
    add(owner.pkg, charged ? (ownerOf(charged) as string) : fileOf(leaf), delta);
    add(owner.fn, charged ? functionOf(charged) : functionOf(leaf), delta);
    const seenFiles = new Set<string>();
    const seenFns = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node) as ProfileNode;
      seenFiles.add(fileOf(frame));
      seenFns.add(functionOf(frame));
    }
    for (const file of seenFiles) add(inclusive.file, file, delta);
    for (const fn of seenFns) add(inclusive.fn, fn, delta);
  });
  const table = (title: string, entries: Map<string, number>) =>
    [
      `\n${title}`,
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`),
    ].join('\n');
  return [
    `busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s (percentages are of busy time)`,
    table('Self time by file', self.file),
    table('Self time by function', self.fn),
    table('Self time by package, node internals charged to their caller', owner.pkg),
    table('Self time by function, node internals charged to their caller', owner.fn),
    table('Inclusive time by file', inclusive.file),
    table('Inclusive time by function', inclusive.fn),
    '',
  ].join('\n');
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

function fileOf(node: ProfileNode): string {
  const url = node.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, '')
    .replace(/.*\/work\/main\//, '');
  return url || `(${node.callFrame.functionName || 'native'})`;
}

/** The package (or source folder) a frame belongs to; undefined for node internals and natives. */
function ownerOf(node: ProfileNode): string | undefined {
  const url = node.callFrame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const source = /\/work\/main\/(.*)$/.exec(url) ?? /^file:\/\/(.*)$/.exec(url);
  return source ? source[1] : undefined;
}

function functionOf(node: ProfileNode): string {
  return `${node.callFrame.functionName || '(anonymous)'} ${fileOf(node)}:${node.callFrame.lineNumber + 1}`;
}
