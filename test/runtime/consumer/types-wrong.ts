// Must fail under tsc --strict, with an error on each line marked "error" and nowhere else.
import { createMatcher } from 'activity-match';
import { catalogue } from 'activity-match/sample';

const matcher = createMatcher(catalogue);
matcher.recommend({ age: 'sixty', activaton: 2 }, { at: new Date() }); // error
matcher.recommend({ age: 60, activation: 2 }, { at: 12345 }); // error
matcher.recommend({ age: 60, activation: 2 }); // error
matcher.recommend({ age: 60, activation: 7 }, { at: new Date() }); // error
createMatcher([{ id: 'a1', name: 'Walk' }]); // error
createMatcher([{ id: 'a1', name: 'Walk', category: 'social', location: { kind: 'venu' } }]); // error
matcher.explain({ age: 60, activation: 2 }, 'walk', { at: new Date(), limit: 3 }); // error
