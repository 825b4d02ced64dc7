import type { ConversationFacts, ConversationStatus, CriteriaAst, Priority } from '@switchboard/core';
import type { ConversationView } from '../services/conversations/conversation-view';

export interface Detected {
  conversationId: string;
  messageId: string;
  kind: 'TRACKER' | 'ENTITY';
  name: string;
}

/** What criteria evaluate in memory, from the conversation view an event carries and its detections. */
export const conversationFacts = (
  view: ConversationView,
  detections: readonly Detected[],
): ConversationFacts => ({
  // The view has every field criteria read; only the instants travel as text.
  ...view,
  status: view.status as ConversationStatus,
  priority: view.priority as Priority,
  createdAt: new Date(view.createdAt),
  updatedAt: new Date(view.updatedAt),
  closedAt: view.closedAt ? new Date(view.closedAt) : null,
  trackers: namesOf(detections, 'TRACKER'),
  entities: namesOf(detections, 'ENTITY'),
});

const namesOf = (detections: readonly Detected[], kind: Detected['kind']): string[] => [
  ...new Set(detections.filter((d) => d.kind === kind).map((d) => d.name)),
];

/** Whether criteria read detections (trackers, entities), which cost a query to know. */
export const readsDetections = (ast: CriteriaAst): boolean =>
  ast.type === 'comparison'
    ? ast.field === 'trackers' || ast.field === 'entities'
    : ast.children.some(readsDetections);
