export { type ConversationWithTagNames, findConversationsWithTagNames } from './conversations-with-tag-names';
