import { z } from 'zod';

/** The channels whose messages are comments on a social network's posts. */
export const socialChannels = ['FACEBOOK_POST', 'INSTAGRAM_POST'] as const;

const networkId = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

/**
 * Where a social comment sits on the network, as the network names it. Infobip reads it from the
 * network; Switchboard stores the messages it is given, so the writer sends it with the comment (a
 * Switchboard extension of create message). Comments of one post with the same `parentId` are on
 * one level: related comments are read along it.
 */
export const socialContextInput = z.object({
  postId: networkId.describe('The post commented on'),
  parentId: networkId
    .nullable()
    .optional()
    .describe('The comment this one replies to; absent or null for a comment on the post itself'),
  externalId: networkId.optional().describe("The network's id of this comment"),
  username: networkId.optional().describe("The author's name on the network"),
  permalinkUrl: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
    .optional()
    .describe("The comment's address on the network"),
});
export type SocialContextInput = z.infer<typeof socialContextInput>;

export const socialContextSchema = z.object({
  postId: z.string(),
  parentId: z.string().nullable(),
  externalId: z.string().nullable(),
  username: z.string().nullable(),
  permalinkUrl: z.string().nullable(),
});
export type SocialContext = z.infer<typeof socialContextSchema>;

/** The stored columns of a message's social context. */
export interface SocialColumns {
  socialPostId: string | null;
  socialParentId: string | null;
  socialExternalId: string | null;
  socialUsername: string | null;
  socialPermalinkUrl: string | null;
}

export const socialColumns = (context: SocialContextInput | undefined): SocialColumns => ({
  socialPostId: context?.postId ?? null,
  socialParentId: context?.parentId ?? null,
  socialExternalId: context?.externalId ?? null,
  socialUsername: context?.username ?? null,
  socialPermalinkUrl: context?.permalinkUrl ?? null,
});

export const socialContextOf = (row: SocialColumns): SocialContext | null =>
  row.socialPostId === null
    ? null
    : {
        postId: row.socialPostId,
        parentId: row.socialParentId,
        externalId: row.socialExternalId,
        username: row.socialUsername,
        permalinkUrl: row.socialPermalinkUrl,
      };
