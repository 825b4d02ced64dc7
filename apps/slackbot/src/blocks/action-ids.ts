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
  listMore: 'conv_list_more',
  groupShow: 'group_show',
  groupPage: 'group_page',
  groupListMore: 'group_list_more',
} as const;

export const untagActionPattern = /^conv_untag(:\d+)?$/;
export const groupPageActionPattern = /^group_page(:\w+)?$/;
