-- classify_stage() against lower() on the same strings: both read every string once;
-- lower() is the cheapest thing a user would do to a touchpoint name.
-- setup
DROP TABLE IF EXISTS bench_classify;
CREATE TABLE bench_classify AS
SELECT (ARRAY['', 'Clicked ', 'Viewed ', 'Opened ', 'Customer ', 'New ', 'Q3 ', 'Mobile ',
              'User completed ', ''])[1 + (i::bigint * 7) % 10]
    || (ARRAY['Ad Click', 'display_ad_impression', 'Webinar: Getting Started', 'blog-post-read',
              'Pricing page', 'free trial started', 'Product demo booked', 'Sales call',
              'Case study download', 'Quote requested', 'Checkout completed', 'order_placed',
              'Contract signed', 'Onboarding call', 'Welcome email', 'Support ticket opened',
              'Billing question', 'Account review', 'Training session', 'Renewal reminder',
              'NPS survey sent', 'Referral sent', 'Product review posted', 'Loyalty program joined',
              'Community forum answer', 'Password reset', 'Page view', 'Email opened', 'Login',
              'Invoice paid', 'WordOfMouth_mention', 'Repeat purchase', 'Q&A session',
              'check-in call', 'case study participation'])[1 + (i::bigint * 7919) % 35]
    || (ARRAY['', ' - EMEA', ' (mobile)', ' #', ' v2', ' via partner', '', ' / spring campaign'])[1 + (i::bigint * 31) % 8]
    || CASE WHEN i % 3 = 0 THEN ' ' || (i % 1000)::text ELSE '' END AS touchpoint
FROM generate_series(1, 1000000) AS i;
INSERT INTO interaction_stage_rules VALUES ('password reset', 'retention'), ('invoice paid', 'acquisition')
ON CONFLICT DO NOTHING;
VACUUM ANALYZE bench_classify;
-- 500k short ticket subjects and chat lines for classify_kind()
DROP TABLE IF EXISTS bench_tickets;
CREATE TABLE bench_tickets AS
SELECT (ARRAY['', 'Re: ', 'Fwd: ', 'URGENT ', 'hi, ', 'Ticket #4411: ', 'Chat: ', ''])[1 + (i::bigint * 7) % 8]
    || (ARRAY['App crashes on startup', 'I can''t log in to my account', 'Where is my order?',
              'Thanks for the quick fix!', 'Refund for the broken blender please',
              'Suggestion: add a dark mode', 'How much does shipping cost', 'not working again',
              'Great service at the store', 'I was charged twice', 'Password reset email never arrives',
              'It would be nice to export to Excel', 'The site is down', 'Question about invoices',
              'Your agent was rude', 'No problem, thanks', 'Not urgent, just a question',
              'Order #5521 shipped', 'Meeting next week', 'Kudos to Maria'])[1 + (i::bigint * 7919) % 20]
    || (ARRAY['', '!', ' - asap', '??', ' (mobile)', '', ' via chat', '.'])[1 + (i::bigint * 31) % 8] AS body
FROM generate_series(1, 500000) AS i;
VACUUM ANALYZE bench_tickets;
-- bench: classify_stage(), 1M touchpoint names, vs lower() | target <= 3
-- ours
SELECT count(classify_stage(touchpoint)) FROM bench_classify;
-- theirs
SELECT count(lower(touchpoint)) FROM bench_classify;
-- bench: classify_kind(), 500k short ticket texts, vs lower() | target <= 3
-- ours
SELECT count(classify_kind(body)) FROM bench_tickets;
-- theirs
SELECT count(lower(body)) FROM bench_tickets;
-- bench: classify_urgency(), 500k short ticket texts, vs lower() | target <= 3
-- ours
SELECT count(classify_urgency(body)) FROM bench_tickets;
-- theirs
SELECT count(lower(body)) FROM bench_tickets;
