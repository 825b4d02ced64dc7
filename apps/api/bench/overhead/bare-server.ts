/**
 * Scenario 2's baseline, run as its own process: a bare Express app with one `pg` pool (the same
 * size as the API's) answering GET /conversations/:id with the conversation and its tag names —
 * the same statement the API runs (row and tag names in one SELECT), answered with the same fields,
 * with no auth, logging or validation.
 * Prints `{"ready":<port>}` once listening. Env: DATABASE_URL, ORGANIZATION_ID, PORT, POOL_SIZE.
 */
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
const organizationId = process.env.ORGANIZATION_ID ?? '';

// The statement src/services/conversations/find-conversation.ts runs for the API: the same
// columns, the same tag subquery, the same tenant filter.
const select = `SELECT c."id", c."organizationId", c."workspaceId", c."spaceId", c."topic", c."summary",
      c."status"::text AS "status", c."priority"::text AS "priority", c."channel", c."queueId",
      c."agentId", c."metadata", c."createdAt", c."updatedAt", c."closedAt", c."assignedAt",
      c."version",
      ARRAY(SELECT t."name" FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
            WHERE ct."conversationId" = c."id" ORDER BY ct."createdAt") AS "tags"
    FROM "Conversation" c
    WHERE c."id" = $1 AND c."organizationId" = $2`;

const app = express();
app.get('/conversations/:id', async (req, res) => {
  try {
    const { rows } = await pool.query(select, [req.params.id, organizationId]);
    const row = rows[0];
    if (!row) {
      res.status(404).json({ error: 'Not Found', message: 'Conversation not found' });
      return;
    }
    const { organizationId: _, assignedAt: __, ...conversation } = row;
    res.json({
      ...conversation,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
    });
  } catch (error) {
    res.status(500).json({ error: 'Internal', message: String(error) });
  }
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ ready: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
