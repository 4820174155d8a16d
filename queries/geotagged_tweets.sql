-- Geo-coded tweets (with coordinates), newest first, with place and author.
-- example: twindex query queries/geotagged_tweets.sql --param limit=100
-- param: limit integer
SELECT t.id, datetime(t.created_at, 'unixepoch') AS created_utc, '@' || u.screen_name AS author,
       t.latitude, t.longitude, t.place_name, t.text
FROM tweets t LEFT JOIN users u ON u.id = t.author_id
WHERE t.longitude IS NOT NULL AND t.latitude IS NOT NULL
ORDER BY t.created_at DESC
LIMIT :limit;
