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
-- bench: classify_stage(), 1M touchpoint names, vs lower() | target <= 3
-- ours
SELECT count(classify_stage(touchpoint)) FROM bench_classify;
-- theirs
SELECT count(lower(touchpoint)) FROM bench_classify;
