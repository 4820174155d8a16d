-- Full-text search within a period of UTC days, with author: the SQL behind
-- `twindex search`, to adapt. :query uses FTS5 syntax.
-- example: twindex query queries/search_in_period.sql --param query=tentenkamp --param from=2012-01-01 --param to=2012-12-31
SELECT t.id, datetime(t.created_at, 'unixepoch') AS created_utc, '@' || u.screen_name AS author, t.text
FROM tweets_fts JOIN tweets t ON t.seq = tweets_fts.rowid
LEFT JOIN users u ON u.id = t.author_id
WHERE tweets_fts MATCH :query
  AND t.created_at >= unixepoch(:from) AND t.created_at < unixepoch(:to, '+1 day')
ORDER BY t.created_at;
