-- Wildcard criteria (`topic==*refund*`, `metadata.orderId==*0042*`) as trigram index scans
-- instead of a walk over every row of the organization (see src/criteria/README.md).
-- pg_trgm is in PostgreSQL's contrib; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm
-- (src/drivers/pglite.ts). GIN trigram indexes are lossy: PostgreSQL always rechecks the LIKE.
-- The metadata index is an expression, which schema.prisma cannot declare: the drift test lists it
-- in test/support/migration-only-indexes.ts. The topic index is declared in schema.prisma.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Serves `c."topic" LIKE $1` itself.
CREATE INDEX "Conversation_topic_trgm_idx" ON "Conversation" USING GIN ("topic" gin_trgm_ops);

-- Serves the prefilter `c."metadata"::text LIKE $1` that the compiler adds in front of the exact
-- per-key test (src/criteria/metadata-prefilter.ts).
CREATE INDEX "Conversation_metadata_text_trgm_idx" ON "Conversation" USING GIN (("metadata"::text) gin_trgm_ops);

-- Whether a metadata wildcard's first page walks the createdAt index or reads this index depends on
-- how many matches PostgreSQL expects, which it reads from this expression's statistics. With the
-- default target (100) a rare literal was now and then taken for a common one (1 ANALYZE in 30 on
-- 100 000 rows), and the walk then read every row of the organization; with 1000, none in 30.
ALTER INDEX "Conversation_metadata_text_trgm_idx" ALTER COLUMN 1 SET STATISTICS 1000;
