-- R4.2: names from the directory as they were at the time. Every version of every entry, from hcp.directory, kept in
-- the read model's schemas like the facts (a rebuild replays it with the rest); a name is looked up as of the end of
-- the period asked for.
CREATE TABLE rm_a.directory_name (
    kind           text        NOT NULL,
    code           text        NOT NULL,
    version        integer     NOT NULL,
    name           text        NOT NULL,
    effective_from timestamptz NOT NULL,
    PRIMARY KEY (kind, code, version)
);
CREATE TABLE rm_b.directory_name (LIKE rm_a.directory_name INCLUDING ALL);
