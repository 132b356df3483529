-- sentiment() against lower() on the same 500k short support texts: both read every
-- text once; lower() is the cheapest thing a user would do to a text.
-- setup
DROP TABLE IF EXISTS bench_sentiment;
CREATE TABLE bench_sentiment AS
SELECT (ARRAY['', 'Re: ', 'Hi, ', 'Chat: ', 'Dear team, ', '', 'URGENT ', 'Customer: '])[1 + (i::bigint * 7) % 8]
    || (ARRAY['Thank you so much, that was quick!', 'Still waiting for my refund',
              'The app keeps crashing again', 'Can you send me the invoice please?',
              'Not bad at all, works great now', 'This is the third time I call about this',
              'Terrible service, I want to cancel', 'No problem, thanks for the help :)',
              'Where is my order?', 'I was charged twice, very disappointed',
              'Great job Maria, really helpful', 'It was good but the delivery was late',
              'Nobody called me back', 'Password reset email never arrives',
              'Excellent support as always', 'I can''t complain', 'The site is down AGAIN!!',
              'Please kindly update my address', 'Love the new feature 😍', 'meh'])[1 + (i::bigint * 7919) % 20]
    || (ARRAY['', '!', ' - asap', '??', ' (mobile)', '', ' thanks', '.'])[1 + (i::bigint * 31) % 8] AS body
FROM generate_series(1, 500000) AS i;
VACUUM ANALYZE bench_sentiment;
-- bench: sentiment(), 500k short support texts, vs lower() | target <= 3
-- ours
SELECT count(sentiment(body)) FROM bench_sentiment;
-- theirs
SELECT count(lower(body)) FROM bench_sentiment;
-- bench: sentiment_label(), 500k short support texts, vs lower() | target <= 3
-- ours
SELECT count(sentiment_label(body)) FROM bench_sentiment;
-- theirs
SELECT count(lower(body)) FROM bench_sentiment;
