-- Who replies to whom: author → replied-to screen name, by number of replies
-- (replies as Twitter marks them: in_reply_to_status_id set).
-- example: twindex query queries/reply_pairs.sql --param limit=25
-- param: limit integer
SELECT '@' || coalesce(u.screen_name, t.author_id) AS author, '@' || t.in_reply_to_screen_name AS replies_to,
       count(*) AS replies
FROM tweets t LEFT JOIN users u ON u.id = t.author_id
WHERE t.in_reply_to_status_id IS NOT NULL AND t.in_reply_to_screen_name IS NOT NULL
GROUP BY t.author_id, t.in_reply_to_screen_name COLLATE NOCASE
ORDER BY replies DESC, author, replies_to
LIMIT :limit;
