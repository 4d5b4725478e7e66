-- The lessons panel (GET /api/lessons, polled every 15 s) reads model_answer twice: how many answers of the model in
-- use were scored after the last draft (LessonRepository.SCORED_AFTER; the newest ones for a draft too) and its answers
-- by lesson version (BY_VERSION). Both scanned the whole table, prompt texts included (about 1.5 kB a row); these
-- indexes answer them alone: 50,000 answers, the endpoint's p50 56-100 ms -> 15-19 ms (decision README). Portable.
CREATE INDEX model_answer_scored ON model_answer (horizon_seconds, role, answered_at);
CREATE INDEX model_answer_by_version ON model_answer (horizon_seconds, role, lesson_version, acted, right_answer, net_pct);
