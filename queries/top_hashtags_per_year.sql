-- Top hashtags per year: the five most frequent (normalised) tags of each UTC year,
-- counted in tweets (a tag counts once per tweet).
-- example: twindex query queries/top_hashtags_per_year.sql
WITH per_year AS (
    SELECT strftime('%Y', t.created_at, 'unixepoch') AS year, h.tag, count(*) AS tweets
    FROM hashtags h JOIN tweets t ON t.id = h.tweet_id
    WHERE t.created_at IS NOT NULL
    GROUP BY year, h.tag
), ranked AS (
    SELECT year, tag, tweets, row_number() OVER (PARTITION BY year ORDER BY tweets DESC, tag) AS rank
    FROM per_year
)
SELECT year, rank, '#' || tag AS hashtag, tweets FROM ranked WHERE rank <= 5 ORDER BY year, rank;
