-- The write ledger for echo suppression: per record, what Conduit last wrote (fingerprint of the written
-- fields and the record's version after the write) and which run wrote it.

-- CreateTable
CREATE TABLE "link_write" (
    "id" UUID NOT NULL,
    "environment_id" UUID NOT NULL,
    "system" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "fields_hash" TEXT NOT NULL,
    "version" DOUBLE PRECISION,
    "run_id" UUID,
    "node_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "link_write_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_write_environment_id_system_record_type_record_id_key" ON "link_write"("environment_id", "system", "record_type", "record_id");

-- AddForeignKey
ALTER TABLE "link_write" ADD CONSTRAINT "link_write_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
