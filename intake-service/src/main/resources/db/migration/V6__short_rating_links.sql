-- Short rating links (/r/ + 22 characters): a link is found by the SHA-256 of its code. Links issued before this
-- carry their signed, self-describing token and no code_hash; they are still opened by their link_id.
ALTER TABLE rating_link ADD COLUMN code_hash text;
CREATE UNIQUE INDEX rating_link_code ON rating_link (code_hash);
