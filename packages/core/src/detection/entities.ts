import { type DetectionMessage, dropNested, findAll, phrasePattern } from './text';

/** A Symbl custom entity: a type/subType label and the values that identify it. */
export interface CustomEntityDefinition {
  id: string;
  type: string;
  subType: string;
  values: readonly string[];
}

export interface EntityMatch {
  entityId: string;
  type: string;
  subType: string;
  /** The text as it appears in the message ("ACME corp"). */
  value: string;
  /** The entity value that matched ("Acme Corp"). */
  entityValue: string;
  messageId: string;
  start: number;
  end: number;
}

/**
 * Finds entity values in messages: case-insensitive, whole words, any whitespace between the
 * words of a multi-word value. Per entity and message, a match nested in a longer one is
 * dropped ("New York" inside "New York City"), so each mention is reported once.
 * Results are ordered by message (input order), then offset, then entity (input order).
 */
export const detectEntities = (
  messages: readonly DetectionMessage[],
  entities: readonly CustomEntityDefinition[],
): EntityMatch[] => {
  // Compile each value once for all messages.
  const compiled = entities.map((entity) => ({
    entity,
    values: entity.values.flatMap((value) => {
      const pattern = phrasePattern(value);
      return pattern ? [{ value, pattern }] : [];
    }),
  }));

  const matches: EntityMatch[] = [];
  for (const message of messages) {
    const inMessage: EntityMatch[] = [];
    for (const { entity, values } of compiled) {
      const found = values.flatMap(({ value, pattern }) =>
        findAll(pattern, message.text).map((span) => ({ ...span, entityValue: value })),
      );
      for (const span of dropNested(found)) {
        inMessage.push({
          entityId: entity.id,
          type: entity.type,
          subType: entity.subType,
          value: message.text.slice(span.start, span.end),
          entityValue: span.entityValue,
          messageId: message.id,
          start: span.start,
          end: span.end,
        });
      }
    }
    // sort is stable: equal offsets keep entity input order.
    for (const match of inMessage.sort((a, b) => a.start - b.start)) matches.push(match);
  }
  return matches;
};
