-- The accounts mentioned in most tweets (replies and retweets included), with how many
-- different authors mentioned them.
-- example: twindex query queries/most_mentioned_accounts.sql --param limit=20
-- param: limit integer
SELECT '@' || m.screen_name AS account, count(*) AS tweets, count(DISTINCT t.author_id) AS authors
FROM mentions m JOIN tweets t ON t.id = m.tweet_id
GROUP BY m.screen_name COLLATE NOCASE
ORDER BY tweets DESC, account
LIMIT :limit;
