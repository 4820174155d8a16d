-- Per UTC month: tweets, native retweets, "RT @" text retweets, replies and their shares.
-- example: twindex query queries/retweets_per_month.sql
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month, count(*) AS tweets,
       sum(retweeted_id IS NOT NULL) AS native_retweets,
       sum(text LIKE 'RT @%') AS rt_text,
       sum(in_reply_to_status_id IS NOT NULL) AS replies,
       round(100.0 * sum(retweeted_id IS NOT NULL) / count(*), 1) AS retweet_pct
FROM tweets WHERE created_at IS NOT NULL
GROUP BY month ORDER BY month;
