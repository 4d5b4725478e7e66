-- The market each model answer was scored on (FeedIdentity.market as the engine knew it: a venue's name, simulator,
-- replay#<run>, backtest#run), so the model's record (the line in each prompt), the arena, the lessons' evidence and
-- the training set read the market the desk trades now only: the simulator's made-up prices are never the model's
-- record on a venue. Rows from before keep market NULL ("market not recorded") and count for no market. The lessons
-- panel's two indexes (V16) take the market after the role, so its reads stay answered by them alone. Portable.
ALTER TABLE model_answer ADD COLUMN market TEXT;
DROP INDEX model_answer_scored;
DROP INDEX model_answer_by_version;
CREATE INDEX model_answer_scored ON model_answer (horizon_seconds, role, market, answered_at);
CREATE INDEX model_answer_by_version ON model_answer (horizon_seconds, role, market, lesson_version, acted, right_answer,
    net_pct);
