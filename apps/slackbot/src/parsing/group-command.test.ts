import { describe, expect, test } from 'vitest';
import { parseGroupCommand } from './group-command';
import { groupUsage } from './usage';
import { UsageError } from './usage-error';

describe('/group parsing', () => {
  test.each([
    ['', { name: 'help' }],
    ['list', { name: 'list' }],
    ['create "VIP" tags==vip', { name: 'create', groupName: 'VIP', criteria: 'tags==vip' }],
    [
      'create "VIP" tags==vip and status==OPEN',
      { name: 'create', groupName: 'VIP', criteria: 'tags==vip and status==OPEN' },
    ],
    [
      'create "Big spenders" metadata.tier=="gold plus" description="Top customers"',
      {
        name: 'create',
        groupName: 'Big spenders',
        criteria: 'metadata.tier=="gold plus"',
        description: 'Top customers',
      },
    ],
    [
      "create VIP description='Top customers' priority=ge=HIGH",
      { name: 'create', groupName: 'VIP', criteria: 'priority=ge=HIGH', description: 'Top customers' },
    ],
    ['create Urgent priority&gt;=HIGH', { name: 'create', groupName: 'Urgent', criteria: 'priority>=HIGH' }],
    ['show VIP', { name: 'show', ref: 'VIP' }],
    ['show "Big spenders"', { name: 'show', ref: 'Big spenders' }],
    ['delete VIP', { name: 'delete', ref: 'VIP' }],
    ['update VIP name="VIP customers"', { name: 'update', ref: 'VIP', changes: { name: 'VIP customers' } }],
    [
      'update VIP tags==vip or tags==gold',
      { name: 'update', ref: 'VIP', changes: { criteria: 'tags==vip or tags==gold' } },
    ],
    [
      'update "VIP" description="Best" tags==vip',
      { name: 'update', ref: 'VIP', changes: { description: 'Best', criteria: 'tags==vip' } },
    ],
  ])('%j', (text, expected) => {
    expect(parseGroupCommand(text)).toEqual(expected);
  });

  test.each([
    ['remove VIP', /Unknown subcommand "remove"/],
    ['wacth VIP', /did you mean "watch"\?/],
    ['create VIP', /Give the criteria/],
    ['create', /Give the group name/],
    ['show', /Give the group name/],
    ['show Big spenders', /Unexpected "spenders" \(quote a name with spaces\)/],
    ['update VIP', /Say what to change/],
    ['list extra', /Unexpected "extra"/],
    ['update VIP nmae="VIP 2"', /Unknown option "nmae=" — did you mean "name="\?/],
    ['create VIP tags==vip descripton="Top"', /did you mean "description="\?/],
  ])('%j is refused', (text, message) => {
    try {
      parseGroupCommand(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
    }
  });

  test('errors carry the usage line of the subcommand', () => {
    try {
      parseGroupCommand('create VIP');
    } catch (error) {
      expect((error as UsageError).usage).toBe(groupUsage.create);
    }
    expect.assertions(1);
  });
});
