-- Tweets per client (the `source` field, HTML link stripped to its text).
-- example: twindex query queries/tweets_per_client.sql
SELECT CASE WHEN source LIKE '<a %>%</a>'
            THEN substr(source, instr(source, '>') + 1, length(source) - instr(source, '>') - 4)
            ELSE coalesce(source, '(unknown)') END AS client,
       count(*) AS tweets,
       round(100.0 * count(*) / (SELECT count(*) FROM tweets), 2) AS pct
FROM tweets GROUP BY client ORDER BY tweets DESC, client;
