-- 追评 (FollowUpRated): one row per follow-up rating in each copy of the statistics read model, so that a follow-up
-- delivered twice is counted once (the 整改满意率 figure, docs/figures.md). create_statistics_read_model (V3) does not
-- create it: a schema made with that function needs this table added as here.
CREATE TABLE rm_a.follow_up_fact (
    follow_up_id     text     PRIMARY KEY,
    region_code      text     NOT NULL,
    institution_code text     NOT NULL,
    day              date     NOT NULL,
    level            smallint NOT NULL
);
CREATE TABLE rm_b.follow_up_fact (LIKE rm_a.follow_up_fact INCLUDING ALL);
CREATE TABLE rm_bulletin.follow_up_fact (LIKE rm_a.follow_up_fact INCLUDING ALL);
