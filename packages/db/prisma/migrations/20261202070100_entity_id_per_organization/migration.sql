-- A custom entity's id is unique within its organization only (see schema.prisma): Symbl lets a
-- client choose it, and an id another organization chose must be as free as one never used.
ALTER TABLE "CustomEntity" DROP CONSTRAINT "CustomEntity_pkey";
ALTER TABLE "CustomEntity" ADD CONSTRAINT "CustomEntity_pkey" PRIMARY KEY ("organizationId", "id");
