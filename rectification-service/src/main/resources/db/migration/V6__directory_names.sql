-- R2.7 / issue 30: the directory's names (institutions, items), so that the public page of rectification results
-- names the unit and the item instead of their codes. Projected from hcp.directory; every version kept, as recorded.
CREATE TABLE directory_name (
    kind           text        NOT NULL,
    code           text        NOT NULL,
    version        integer     NOT NULL,
    name           text        NOT NULL,
    effective_from timestamptz NOT NULL,
    PRIMARY KEY (kind, code, version)
);
