-- Accounts by their share of replies (tweets with in_reply_to set) and of tweets starting
-- with @, for accounts with at least :min_tweets tweets.
-- example: twindex query queries/users_by_reply_share.sql --param min_tweets=50
-- param: min_tweets integer
SELECT '@' || coalesce(u.screen_name, t.author_id) AS account, count(*) AS tweets,
       round(100.0 * sum(t.in_reply_to_status_id IS NOT NULL) / count(*), 1) AS reply_pct,
       round(100.0 * sum(t.starts_with_at) / count(*), 1) AS starts_with_at_pct
FROM tweets t LEFT JOIN users u ON u.id = t.author_id
GROUP BY t.author_id HAVING count(*) >= :min_tweets
ORDER BY reply_pct DESC, account;
