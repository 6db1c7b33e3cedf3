// CommonJS: every entry point of the installed package, and a shortlist from the sample data.
const root = require('activity-match');
const factors = require('activity-match/factors');
const time = require('activity-match/time');
const evaluate = require('activity-match/evaluate');
const openReferral = require('activity-match/open-referral');
const sync = require('activity-match/sync');
const { catalogue, personas } = require('activity-match/sample');

const matcher = root.createMatcher(catalogue);
const shortlist = matcher.recommend(personas[0].profile, { at: '2026-11-23T09:00:00Z', limit: 3 });
const failed = root.safeCreateMatcher([{ id: 'a1', name: 'Walk' }]);
const shared = [factors.haversineKm === root.haversineKm, time.nextOccurrences === root.nextOccurrences, evaluate.evaluate === root.evaluate, openReferral.fromOpenReferral === root.fromOpenReferral, typeof sync.syncFeed === 'function'];
console.log(JSON.stringify({ ids: shortlist.map((r) => r.id), error: failed.ok ? null : failed.error.code, branded: !failed.ok && root.isActivityMatchError(failed.error), shared }));
