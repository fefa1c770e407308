-- Issue 11: no tracking code is ever issued twice, whatever a crash leaves behind. H2 caches 32
-- values of a sequence and stores only the high-water mark; CACHE 1 stores every advance (one per
-- block of 50 codes, TrackingCodeIssuer.BLOCK), so a restart resumes after the last value handed
-- out: gaps are possible, reuse is not. PostgreSQL's default is CACHE 1 already.
alter sequence tracking_code_seq cache 1;
