// test/oracle/vader/vader_score.js: reads sentences, one a line, and prints VADER's
// compound score of each, one a line (for test/t/077_sentiment_vader.pl).
'use strict';
const vader = require('vader-sentiment');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
for (const l of lines)
	console.log(vader.SentimentIntensityAnalyzer.polarity_scores(l).compound.toFixed(4));
