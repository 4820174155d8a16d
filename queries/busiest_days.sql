-- The busiest days (UTC dates; `twindex timeline` counts local days in any --tz).
-- example: twindex query queries/busiest_days.sql --param limit=10
-- param: limit integer
SELECT date(created_at, 'unixepoch') AS day, count(*) AS tweets, count(DISTINCT author_id) AS active_users
FROM tweets WHERE created_at IS NOT NULL
GROUP BY day ORDER BY tweets DESC, day
LIMIT :limit;
