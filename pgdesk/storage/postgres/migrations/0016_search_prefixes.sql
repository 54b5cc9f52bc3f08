-- Mirrors 0016_search_prefixes (issue 16): the file's full-text table gets prefix indexes for
-- the first one to three characters of a word. The server has no such table: a number's first
-- word is a btree range (0015) and the other words are GIN entries, so nothing is rebuilt here;
-- the migration keeps both engines' versions in step (server migrate compares them) and says
-- on the column what reads it.
COMMENT ON COLUMN patients.search_words IS
    'Words of the name and of the practice number but its first (number_head), for search';
