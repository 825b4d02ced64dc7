/** The database side of the criteria language: AST → SQL, and the conversation queries built on it. */
export { compileCriteriaToSql } from './compile';
export {
  type ConversationCursor,
  type ConversationFilter,
  type ConversationOrder,
  type ConversationPageQuery,
  conversationCountSql,
  conversationPageSql,
  conversationWhere,
  countConversationsMatching,
  explainConversationQuery,
  findConversationIdsMatching,
  type RawQueryClient,
  type SortDirection,
} from './conversation-query';
