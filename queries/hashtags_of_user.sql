-- The hashtags one account used, most frequent first (screen name case-insensitive).
-- example: twindex query queries/hashtags_of_user.sql --param screen_name=jan_min0
SELECT '#' || h.tag AS hashtag, count(*) AS tweets,
       date(min(t.created_at), 'unixepoch') AS first_used, date(max(t.created_at), 'unixepoch') AS last_used
FROM hashtags h JOIN tweets t ON t.id = h.tweet_id
WHERE t.author_id IN (SELECT id FROM users WHERE screen_name = :screen_name COLLATE NOCASE)
GROUP BY h.tag ORDER BY tweets DESC, hashtag;
