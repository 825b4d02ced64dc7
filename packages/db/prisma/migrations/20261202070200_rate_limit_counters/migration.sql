-- Request counters of the API's rate limiter when the database is PostgreSQL, shared by every API
-- process on it (apps/api/src/http/rate-limit-store.ts). The layout is rate-limiter-flexible's
-- (key, points used, expire in ms since the epoch); it writes them with one atomic
-- INSERT … ON CONFLICT DO UPDATE per request. A schema of its own, outside schema.prisma: Prisma
-- never reads it, and the counters belong to API keys, not to one organization's data.
CREATE SCHEMA IF NOT EXISTS "rate_limit";

CREATE TABLE "rate_limit"."counters" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "counters_pkey" PRIMARY KEY ("key")
);
