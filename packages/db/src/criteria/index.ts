/** The database side of the criteria language: AST → SQL, and the conversation queries built on it. */
export { compileCriteriaToSql } from './compile';
export {
  countConversationsMatching,
  explainConversationQuery,
  findConversationIdsMatching,
  type RawQueryClient,
} from './conversation-query';
export {
  type ConversationCursor,
  type ConversationFilter,
  type ConversationOrder,
  type ConversationPageQuery,
  conversationCountSql,
  conversationPageSql,
  conversationWhere,
  type SortDirection,
} from './conversation-sql';
export type { CompileContext } from './operators';
export { resolveTagIds, tagPatterns } from './tag-ids';
