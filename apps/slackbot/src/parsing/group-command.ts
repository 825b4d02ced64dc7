import { peelOptions } from './options';
import { unknownSubcommand } from './suggest-name';
import { rawBetween, type Token, tokenize } from './tokenize';
import { type GroupSubcommand, groupSubcommands, groupUsage } from './usage';
import { UsageError } from './usage-error';
import { groupRef } from './values';

export type GroupCommand =
  | { name: 'help' }
  | { name: 'list' }
  | { name: 'watching' }
  | { name: 'create'; groupName: string; criteria: string; description?: string }
  | { name: 'show' | 'delete'; ref: string }
  | { name: 'watch' | 'unwatch'; ref: string }
  | { name: 'update'; ref: string; changes: { name?: string; description?: string; criteria?: string } };

export const allGroupUsage = groupSubcommands.map((name) => groupUsage[name]).join('\n');

/** Reads the text after `/group`. Throws UsageError naming what is wrong and the usage line. */
export function parseGroupCommand(text: string): GroupCommand {
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first) return { name: 'help' };
  const name = first.value.toLowerCase() as GroupSubcommand;
  if (first.quoted || !groupSubcommands.includes(name)) {
    throw unknownSubcommand(first.value, '/group', groupSubcommands, allGroupUsage);
  }
  const args = tokens.slice(1);
  const usage = groupUsage[name];
  switch (name) {
    case 'help':
    case 'list':
    case 'watching':
      if (args[0]) throw new UsageError(`Unexpected "${args[0].value}".`, usage);
      return { name } as GroupCommand;
    case 'show':
    case 'delete':
    case 'watch':
    case 'unwatch':
      if (args[1]) throw new UsageError(`Unexpected "${args[1].value}" (quote a name with spaces).`, usage);
      return { name, ref: groupRef(args, 0, usage) } as GroupCommand;
    case 'create': {
      const groupName = groupRef(args, 0, usage);
      const { options, rest } = peelOptions(args.slice(1), ['description'], usage);
      const criteria = criteriaOf(text, rest);
      if (!criteria) throw new UsageError('Give the criteria that decide membership, e.g. tags==vip.', usage);
      return {
        name,
        groupName,
        criteria,
        ...(options.description !== undefined ? { description: options.description } : {}),
      };
    }
    case 'update': {
      const ref = groupRef(args, 0, usage);
      const { options, rest } = peelOptions(args.slice(1), ['name', 'description'], usage);
      const criteria = criteriaOf(text, rest);
      const changes = {
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(criteria ? { criteria } : {}),
      };
      if (Object.keys(changes).length === 0) {
        throw new UsageError('Say what to change: name="…", description="…" or new criteria.', usage);
      }
      return { name, ref, changes };
    }
  }
}

function criteriaOf(text: string, rest: readonly Token[]): string | undefined {
  const first = rest[0];
  const last = rest[rest.length - 1];
  return first && last ? rawBetween(text, first, last) : undefined;
}
