-- R4.3: published bulletins, frozen. The exact JSON of each BulletinPublished payload is kept as published, so every
-- rendering of it is the same bytes whatever happens to its month later. The log (hcp.bulletins) holds the same.
CREATE TABLE bulletin (
    bulletin_id  text        PRIMARY KEY,
    month        text        NOT NULL,
    scope        text        NOT NULL,
    scope_code   text        NOT NULL,
    region_code  text        COLLATE "C" NOT NULL,
    payload      text        NOT NULL,
    content_hash text        NOT NULL,
    published_at timestamptz NOT NULL
);
CREATE INDEX ON bulletin (month, region_code);
