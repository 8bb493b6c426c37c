-- The OpenTelemetry trace of a run (32 hex characters), so the run page can link to the trace UI.
-- Null when tracing was off for the process that started or recorded the run.

-- AlterTable
ALTER TABLE "run" ADD COLUMN "trace_id" TEXT;
