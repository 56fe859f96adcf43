-- A link the platform sent the case's own evaluator (its SMS invitation or reminder, to the mobile the evaluator gave):
-- a rating through it, or a digit reply to it, is that evaluator's, real-name (R2.2, R2.5).
ALTER TABLE rating_link ADD COLUMN for_case_evaluator boolean NOT NULL DEFAULT false;
