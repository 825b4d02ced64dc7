import { apiCall } from '../../api/bench/shared/api-process';

/**
 * What the commands read, created through the API: an agent linked to the benchmark's Slack user,
 * 30 conversations of mixed priority and tags, and the group "VIP". Returns the conversation ids.
 */
export async function setUpWorkspace(url: string): Promise<string[]> {
  await apiCall(url, 'POST', '/ccaas/1/agents', {
    name: 'Bench agent',
    slackUserId: 'U0BENCH',
    status: 'ACTIVE',
  });
  const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const created = await apiCall<{ id: string }>(url, 'POST', '/ccaas/1/conversations', {
      topic: `Customer question ${i + 1}`,
      priority: priorities[i % priorities.length],
      tags: i % 3 === 0 ? ['vip', 'billing'] : ['support'],
      metadata: { customerId: String(1000 + i) },
    });
    ids.push(created.id);
  }
  await apiCall(url, 'POST', '/v1/manage/group', { name: 'VIP', criteria: 'tags==vip' });
  return ids;
}
