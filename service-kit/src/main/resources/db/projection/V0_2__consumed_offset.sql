-- The projection contract (docs/architecture.md, "Reading"): every projection of a service records, in the same
-- transaction as the rows it wrote, the next offset of each partition it applied. A projection resumes from here on
-- start (the database is the truth); an empty table replays the log from its first offset, so a dropped read model
-- rebuilds itself. Shipped once by service-kit for every service that projects topics.
CREATE TABLE consumed_offset (
    projection  text   NOT NULL,
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (projection, topic, partition)
);
