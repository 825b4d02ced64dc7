import { describe, expect, test } from 'vitest';
import { compilePredicate, parseCriteria } from './index';
import { sampleFacts } from './testing/fixtures';
import { referenceEvaluate } from './testing/reference';

/**
 * Criteria → the sample conversations (testing/fixtures.ts) it matches. The test title is the
 * criteria. c1 refund/johndoe/vip, c2 sales call/johndoe/HIGH, c3 Acme/CLOSED/URGENT,
 * c4 LOW/SOLVED/null topic, c5 empty topic/SMS/created 2023-12-31T22:00Z.
 */
const cases: [criteria: string, ids: string[]][] = [
  // Symbl (design.md and seeds 000/004: agentId, customerId, internal/external, vendor, labels)
  ['conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833', ['c1']],
  ['conversation.metadata.agentId==johndoe', ['c1', 'c2']],
  ['conversation.metadata.type==Internal', ['c2']],
  ['conversation.metadata.type==External', ['c1']],
  ['conversation.metadata.type=in=(Internal,External)', ['c1', 'c2']],
  ['conversation.metadata.company==Acme', ['c3']],
  ['conversation.tags=="sales call"', ['c2']],
  ['conversation.metadata.agentId==johndoe or conversation.metadata.company==Acme', ['c1', 'c2', 'c3']],
  // logic, precedence, grouping, spacing
  ['metadata.agentId==johndoe;metadata.customerId==88338833', ['c1']],
  ['metadata.agentId==johndoe,metadata.company==Acme', ['c1', 'c2', 'c3']],
  ['status==OPEN;priority==NORMAL,priority==URGENT', ['c1', 'c3', 'c5']],
  ['status==OPEN and priority==NORMAL or priority==URGENT', ['c1', 'c3', 'c5']],
  ['status==OPEN;(priority==NORMAL,priority==URGENT)', ['c1', 'c5']],
  ['priority==URGENT,status==OPEN;priority==NORMAL', ['c1', 'c3', 'c5']],
  ['(status==OPEN)', ['c1', 'c5']],
  ['((status==CLOSED))', ['c3']],
  ['  status == OPEN  ', ['c1', 'c5']],
  ['status==OPEN\nand\npriority==NORMAL', ['c1', 'c5']],
  ['status==OPEN and(priority==NORMAL)', ['c1', 'c5']],
  ['(tags==vip*,trackers==pricing);priority=ge=HIGH', ['c2', 'c3']],
  ['conversation.status==CLOSED;conversation.closedAt>2024-06-01T00:00:00Z', ['c3']],
  // enums
  ['status==OPEN', ['c1', 'c5']],
  ['status!=OPEN', ['c2', 'c3', 'c4']],
  ['status=in=(OPEN,WAITING)', ['c1', 'c2', 'c5']],
  ['status=out=(OPEN,WAITING)', ['c3', 'c4']],
  ['status=in=CLOSED', ['c3']],
  // priority by order
  ['priority>NORMAL', ['c2', 'c3']],
  ['priority=gt=NORMAL', ['c2', 'c3']],
  ['priority>=HIGH', ['c2', 'c3']],
  ['priority<NORMAL', ['c4']],
  ['priority=lt=NORMAL', ['c4']],
  ['priority<=NORMAL', ['c1', 'c4', 'c5']],
  ['priority=le=LOW', ['c4']],
  ['priority==URGENT', ['c3']],
  ['priority!=NORMAL', ['c2', 'c3', 'c4']],
  ['priority=out=(LOW,NORMAL)', ['c2', 'c3']],
  // text, quotes, wildcards (case-sensitive; only * is special)
  ['topic=="Sales call"', ['c2']],
  ["topic=='Sales call'", ['c2']],
  ['topic==Sales*', ['c2']],
  ['topic==*call', ['c2']],
  ['topic==*e*', ['c1', 'c2', 'c3']],
  ['topic==vendor*', []],
  ['topic=="Vendor: Acme*Corp"', ['c3']],
  ['topic=in=("Vendor: Acme*Corp")', ['c3']],
  ['topic=in=("Vendor: Acme*")', []],
  ['topic!=Sales*', ['c1', 'c3', 'c4', 'c5']],
  ['summary=="50% off? maybe_later"', ['c3']],
  ['summary==50%*', ['c3']],
  ['summary==*_*', ['c3']],
  ['summary=="line one*"', ['c5']],
  ['summary==*two', ['c5']],
  ['id==c*', ['c1', 'c2', 'c3', 'c4', 'c5']],
  ['id=in=(c1,c3)', ['c1', 'c3']],
  ['channel==EMAIL', ['c1']],
  ['channel=in=(SMS,WHATSAPP)', ['c4', 'c5']],
  ['channel!=NO_CHANNEL', ['c1', 'c4', 'c5']],
  ['workspaceId==ws2', ['c3']],
  // null: positive operators false, != and =out= true
  ['topic==*', ['c1', 'c2', 'c3', 'c5']],
  ['topic!=*', ['c4']],
  ['topic==""', ['c5']],
  ['topic!=""', ['c1', 'c2', 'c3', 'c4']],
  ['agentId==agent-1', ['c1']],
  ['agentId!=agent-1', ['c2', 'c3', 'c4', 'c5']],
  ['agentId=in=(agent-1,agent-2)', ['c1']],
  ['agentId=out=(agent-1)', ['c2', 'c3', 'c4', 'c5']],
  ['queueId==q-*', ['c1']],
  ['spaceId==space-1', ['c3']],
  ['spaceId!=space-1', ['c1', 'c2', 'c4', 'c5']],
  // instants: any offset, millisecond precision
  ['closedAt>2024-01-01T00:00:00Z', ['c3']],
  ['closedAt<2030-01-01T00:00:00Z', ['c3']],
  ['closedAt!=2024-07-01T10:00:00Z', ['c1', 'c2', 'c4', 'c5']],
  ['closedAt==2024-07-01T12:00:00+02:00', ['c3']],
  ['closedAt=out=(2024-07-01T10:00:00.000Z)', ['c1', 'c2', 'c4', 'c5']],
  ['createdAt>=2024-01-01T00:00:00Z', ['c1', 'c2', 'c3', 'c4']],
  ['createdAt<2024-01-01T00:00:00+01:00', ['c5']],
  ['createdAt=ge=2024-06-30T23:59:59.999Z', ['c3']],
  ['createdAt>2024-06-30T23:59:59.999Z', []],
  ['createdAt==2024-06-30T23:59:59.999000Z', ['c3']],
  ['createdAt==2024-03-15T12:30Z', ['c2']],
  ['createdAt=in=(2024-01-01T00:00:00Z,2024-03-15T12:30:00Z)', ['c1', 'c2', 'c4']],
  ['updatedAt>2024-03-01T00:00:00Z', ['c2']],
  // sets: == has, != has not, =in= has any, =out= has none
  ['tags==vip', ['c1']],
  ['tags==vip*', ['c1', 'c3']],
  ['tags!=vip*', ['c2', 'c4', 'c5']],
  ['tags=in=(vip,billing)', ['c1', 'c5']],
  ['tags=out=(vip,billing)', ['c2', 'c3', 'c4']],
  ['tags==*', ['c1', 'c2', 'c3', 'c5']],
  ['tags!=*', ['c4']],
  ['tags=="a,b"', ['c5']],
  ['tags==billing;tags==vip', ['c1']],
  ['trackers==pricing', ['c2', 'c5']],
  ['trackers=="churn risk"', ['c5']],
  ['entities==Acme', ['c3']],
  ['entities==acme', []],
  // metadata: missing key is null; own keys only
  ['metadata.agentId!=johndoe', ['c3', 'c4', 'c5']],
  ['metadata.customerId==""', ['c5']],
  ['metadata.customerId!=""', ['c1', 'c2', 'c3', 'c4']],
  ['metadata.customerId==*', ['c1', 'c2', 'c5']],
  ['metadata.constructor==x', ['c4']],
  ['metadata.toString==*', []],
  ['metadata.team.name==support', ['c3']],
  ['metadata.agentId==and', ['c5']],
  ['metadata.agentId=="and"', ['c5']],
  ['metadata.missing==*', []],
  ['metadata.missing!=x', ['c1', 'c2', 'c3', 'c4', 'c5']],
  ['metadata.missing=out=(x)', ['c1', 'c2', 'c3', 'c4', 'c5']],
];

describe('criteria evaluation on sample conversations', () => {
  test.each(cases)('%s', (criteria, ids) => {
    const ast = parseCriteria(criteria);
    const predicate = compilePredicate(ast);
    expect(sampleFacts.filter(predicate).map((facts) => facts.id)).toEqual(ids);
    // The naive oracle agrees, so these rows also pin down the reference semantics.
    expect(sampleFacts.filter((facts) => referenceEvaluate(ast, facts)).map((facts) => facts.id)).toEqual(
      ids,
    );
  });
});
