/**
 * The buttons' action ids. Untag buttons share a prefix (`conv_untag:0`, `conv_untag:1`…) because
 * action ids must be unique within a block; the tag travels in the value.
 */
export const actionIds = {
  route: 'conv_route',
  close: 'conv_close',
  assignMe: 'conv_assign_me',
  untag: 'conv_untag',
  show: 'conv_show',
  listPage: 'conv_list_page',
  groupShow: 'group_show',
  groupPage: 'group_page',
  groupListMore: 'group_list_more',
  replyToCustomer: 'conv_reply',
} as const;

/** The modal that sends an outbound message, and the message shortcut (manifest.yml). */
export const viewIds = { reply: 'conv_reply_modal' } as const;
export const shortcutIds = { createConversation: 'create_conversation_from_message' } as const;

/** Previous / Next of a conversation list; `conv_list_more` is the More button of older lists. */
export const listPageActionPattern = /^conv_list_(more|page(:\w+)?)$/;
export const untagActionPattern = /^conv_untag(:\d+)?$/;
export const groupPageActionPattern = /^group_page(:\w+)?$/;
