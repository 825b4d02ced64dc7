/** One usage line per subcommand: shown in help and under every error. */
export const convUsage = {
  list: '/conv list [group:<name>] [criteria] [limit=N]   e.g. /conv list group:VIP status==OPEN',
  show: '/conv show <id>',
  create: '/conv create <topic> [priority=LOW|NORMAL|HIGH|URGENT] [channel=SMS] [queue=<queueId>] [tags=a,b]',
  route: '/conv route <id>',
  tag: '/conv tag <id> <tag> [more tags…]',
  untag: '/conv untag <id> <tag> [more tags…]',
  assign: '/conv assign <id> @user|me|nobody',
  close: '/conv close <id>',
  status: '/conv status <id> OPEN|WAITING|SOLVED|CLOSED',
  help: '/conv help',
} as const;

export const groupUsage = {
  create:
    '/group create <name> <criteria> [description="…"]   e.g. /group create "VIP" tags==vip and status==OPEN',
  list: '/group list',
  show: '/group show <name|id>',
  update: '/group update <name|id> [name="…"] [description="…"] [criteria]',
  delete: '/group delete <name|id>',
  watch: '/group watch <name|id>   (this channel gets a card per conversation entering the group)',
  unwatch: '/group unwatch <name|id>',
  watching: '/group watching',
  help: '/group help',
} as const;

export type ConvSubcommand = keyof typeof convUsage;
export type GroupSubcommand = keyof typeof groupUsage;

export const convSubcommands = Object.keys(convUsage) as ConvSubcommand[];
export const groupSubcommands = Object.keys(groupUsage) as GroupSubcommand[];
