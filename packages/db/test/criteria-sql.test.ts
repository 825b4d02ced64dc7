import { type ConversationFacts, compilePredicate, parseCriteria } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { criteriaPools, sampleFacts } from '../../core/src/criteria/testing';
import { compileCriteriaToSql, findConversationIdsMatching } from '../src/criteria';
import {
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
} from '../src/criteria/testing/seed';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/**
 * Table-driven: the title is the criteria, the list is the conversations it selects. Each case
 * checks the SQL (through findConversationIdsMatching) and core's compilePredicate against the
 * same expected ids, over core's sample conversations plus two that stress the edges: metadata
 * values that are not strings, LIKE's special characters, line breaks, case, and closedAt.
 */
const organizationId = 'org-table';
const otherOrganizationId = 'org-table-other';

const [first] = sampleFacts as [ConversationFacts];
const edgeFacts: ConversationFacts[] = [
  {
    ...first,
    id: 'c6',
    topic: 'a_b%c\\d',
    summary: null,
    agentId: null,
    queueId: null,
    channel: 'NO_CHANNEL',
    createdAt: new Date('2024-01-01T00:00:00.001Z'),
    updatedAt: new Date('2024-02-01T00:00:00.000Z'),
    // Stored as JSON as it is: none of these is a string, so each reads as null (README rule 8).
    metadata: {
      agentId: 5,
      customerId: null,
      type: ['External'],
      'team.name': { x: 'support' },
      note: 'multi\nline',
    } as never,
    tags: ['100%', '*'],
    trackers: ['a_b'],
    entities: ['x%y'],
  },
  {
    ...first,
    id: 'c7',
    topic: 'line1\nline2 Acme',
    summary: 'Acme',
    status: 'SOLVED',
    priority: 'HIGH',
    channel: 'custom channel',
    queueId: 'q-support',
    agentId: 'agent-2',
    workspaceId: 'ws2',
    spaceId: 'space-2',
    createdAt: new Date('2025-05-05T05:05:05.005Z'),
    updatedAt: new Date('2025-05-06T00:00:00.000Z'),
    closedAt: new Date('2025-05-06T00:00:00.000Z'),
    metadata: { agentId: 'JohnDoe', 'a%b': '100%', "it's": 'x' },
    tags: ['Vip', 'vip '],
    trackers: [],
    entities: ['Acme', 'acme'],
  },
];
const facts = [...sampleFacts, ...edgeFacts];
/** Another tenant with copies of every conversation: none of them may ever be selected. */
const otherFacts = facts.map((fact) => ({ ...fact, id: `other-${fact.id}` }));

const cases: [criteria: string, ids: string[]][] = [
  ['conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833', ['c1']],
  ['metadata.agentId==johndoe', ['c1', 'c2']],
  ['metadata.agentId!=johndoe', ['c3', 'c4', 'c5', 'c6', 'c7']],
  ['metadata.agentId==john*', ['c1', 'c2']],
  ['metadata.agentId==*', ['c1', 'c2', 'c3', 'c5', 'c7']],
  ['metadata.agentId!=*', ['c4', 'c6']],
  ['metadata.agentId=in=(johndoe,janedoe,5)', ['c1', 'c2', 'c3']],
  ['metadata.agentId=out=(johndoe,janedoe)', ['c4', 'c5', 'c6', 'c7']],
  ['metadata.customerId==""', ['c5']],
  ['metadata.customerId!=""', ['c1', 'c2', 'c3', 'c4', 'c6', 'c7']],
  ['metadata.constructor==x', ['c4']],
  ['metadata.constructor!=x', ['c1', 'c2', 'c3', 'c5', 'c6', 'c7']],
  ['metadata.team.name==support', ['c3']],
  ['metadata.team.name==*port', ['c3']],
  ['metadata.note==multi*line', ['c6']],
  ['metadata.type==External', ['c1']],
  ['metadata.type!=External', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['metadata.a%b==100%', ['c7']],
  ['metadata.a%b==100*', ['c7']],
  ['tags==vip', ['c1']],
  ['tags!=vip', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['tags==vip*', ['c1', 'c3', 'c7']],
  ['tags==*', ['c1', 'c2', 'c3', 'c5', 'c6', 'c7']],
  ['tags!=*', ['c4']],
  ['tags=in=(billing,"a,b")', ['c1', 'c5']],
  ['tags=out=(billing,vip)', ['c2', 'c3', 'c4', 'c6', 'c7']],
  ['tags=="100%"', ['c6']],
  ['tags==10*%', ['c6']],
  ['tags=in=("*")', ['c6']],
  ['tags==vip*;tags!=vip-gold', ['c1', 'c7']],
  ['trackers==pricing', ['c2', 'c5']],
  ['trackers!=pricing', ['c1', 'c3', 'c4', 'c6', 'c7']],
  ['trackers==a_b', ['c6']],
  ['trackers==a?b', []],
  ['entities==Acme', ['c3', 'c7']],
  ['entities==acme', ['c7']],
  ['entities=in=(x%y)', ['c6']],
  ['entities==x*y', ['c6']],
  ['topic==*', ['c1', 'c2', 'c3', 'c5', 'c6', 'c7']],
  ['topic!=*', ['c4']],
  ['topic==""', ['c5']],
  ['topic==*Acme*', ['c3', 'c7']],
  ['topic==Vendor:*Corp', ['c3']],
  ['topic=="a_b%c\\\\d"', ['c6']],
  ['topic==*_*', ['c6']],
  ['topic=in=("Vendor: Acme*Corp")', ['c3']],
  ['topic==line1*line2*', ['c7']],
  ['summary==line*two', ['c5']],
  ['summary==*%*', ['c3']],
  ['summary==50%*_later', ['c3']],
  ['id==c*', ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['id=in=(c1,c3,nope)', ['c1', 'c3']],
  ['channel==EMAIL', ['c1']],
  ['channel!=EMAIL', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['channel=="custom channel"', ['c7']],
  ['queueId==q-sales', ['c1']],
  ['queueId!=q-sales', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['queueId==*', ['c1', 'c7']],
  ['agentId=out=(agent-1)', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['spaceId==space-*', ['c3', 'c7']],
  ['workspaceId==ws2', ['c3', 'c7']],
  ['status==OPEN', ['c1', 'c5', 'c6']],
  ['status!=OPEN', ['c2', 'c3', 'c4', 'c7']],
  ['status=in=(CLOSED,SOLVED)', ['c3', 'c4', 'c7']],
  ['status=out=(OPEN,WAITING,SOLVED,CLOSED)', []],
  ['priority==HIGH', ['c2', 'c7']],
  ['priority!=NORMAL', ['c2', 'c3', 'c4', 'c7']],
  ['priority>NORMAL', ['c2', 'c3', 'c7']],
  ['priority>=HIGH', ['c2', 'c3', 'c7']],
  ['priority<HIGH', ['c1', 'c4', 'c5', 'c6']],
  ['priority=le=LOW', ['c4']],
  ['priority=in=(LOW,URGENT)', ['c3', 'c4']],
  ['priority=out=(LOW,URGENT)', ['c1', 'c2', 'c5', 'c6', 'c7']],
  ['createdAt==2024-01-01T00:00:00Z', ['c1', 'c4']],
  ['createdAt!=2024-01-01T00:00:00Z', ['c2', 'c3', 'c5', 'c6', 'c7']],
  ['createdAt>2024-01-01T00:00:00Z', ['c2', 'c3', 'c6', 'c7']],
  ['createdAt>=2024-01-01T00:00:00.001Z', ['c2', 'c3', 'c6', 'c7']],
  ['createdAt<2024-01-01T01:00:00+01:00', ['c5']],
  ['createdAt=in=(2024-03-15T12:30:00Z,2024-06-30T23:59:59.999Z)', ['c2', 'c3']],
  ['createdAt=out=(2024-03-15T12:30:00Z)', ['c1', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['updatedAt=gt=2024-03-01T00:00:00Z', ['c2', 'c7']],
  ['closedAt<2030-01-01T00:00:00Z', ['c3', 'c7']],
  ['closedAt!=2024-07-01T10:00:00Z', ['c1', 'c2', 'c4', 'c5', 'c6', 'c7']],
  ['closedAt>=0001-01-01T00:00:00Z', ['c3', 'c7']],
  ['closedAt=out=(2024-07-01T10:00:00Z)', ['c1', 'c2', 'c4', 'c5', 'c6', 'c7']],
  ['status==OPEN,priority==URGENT;tags==vip*', ['c1', 'c3', 'c5', 'c6']],
  ['(status==OPEN,priority==URGENT);tags==vip*', ['c1', 'c3']],
  ['metadata.agentId==johndoe;(tags==vip,trackers==pricing)', ['c1', 'c2']],
  ['topic!=*;summary!=*;metadata.agentId!=*', ['c4']],
];

describe.each(testDatabaseKinds())('criteria as SQL on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    for (const id of [organizationId, otherOrganizationId]) await insertOrganization(db.prisma, id);
    await insertReferencedRows(db.prisma, organizationId, criteriaPools);
    await insertConversationFacts(db.prisma, organizationId, facts);
    await insertConversationFacts(db.prisma, otherOrganizationId, otherFacts);
  });
  afterAll(() => db?.dispose());

  test.each(cases)('%s', async (criteria, expected) => {
    const ast = parseCriteria(criteria);
    expect(facts.filter(compilePredicate(ast)).map((fact) => fact.id)).toEqual(expected);
    const ids = await findConversationIdsMatching(db.prisma, {
      organizationId,
      criteria: ast,
      orderBy: 'createdAt',
      direction: 'asc',
      limit: 100,
    });
    expect([...ids].sort()).toEqual(expected);
  });

  test('values are bound parameters, never SQL text', () => {
    const sql = compileCriteriaToSql(
      parseCriteria('metadata.agentId==johndoe;tags=in=(vip,"a,b");topic==x*'),
    );
    expect(sql.values).toEqual(expect.arrayContaining(['{"agentId":"johndoe"}', ['vip', 'a,b'], 'x%']));
    expect(sql.text).not.toMatch(/johndoe|vip|agentId/);
  });
});
