import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers.js';
import { createMatcher, ELIGIBILITY_RULES, FACTORS } from '../../src/index.js';
import type { ActivityInput } from '../../src/index.js';
import { activity, AT, client, north } from '../helpers.js';
import bundled from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';

function ids(items: readonly { id: string }[]): string[] {
  return items.map((i) => i.id);
}

describe('hard eligibility', () => {
  // Each row: an activity that breaks exactly one rule for the client beside it.
  const cases: [string, ActivityInput, Parameters<typeof client>[0]][] = [
    ['audience', activity('x', { audience: { conditions: ['copd', 'asthma'] } }), { conditions: ['arthritis'] }],
    ['age', activity('x', { eligibility: { minAge: 65 } }), { age: 50 }],
    ['gender', activity('x', { eligibility: { genders: ['female'] } }), { gender: 'male' }],
    ['unsuitable-condition', activity('x', { conditions: { unsuitableFor: ['heart-disease'] } }), { conditions: ['coronary heart disease'] }],
    ['accessibility', activity('x', { accessibility: { wheelchair: false } }), { accessibility: { wheelchair: true } }],
    ['travel', activity('x', { location: { kind: 'venue', ...north(6) } }), { travel: { maxKm: 5 } }],
    ['area', activity('x', { location: { kind: 'phone', area: { names: ['Bristol'] } } }), { localArea: { localAuthority: 'Leeds' } }],
    ['schedule', activity('x', { sessions: [{ day: 'wed', start: '18:00', end: '20:00' }] }), { availability: [{ day: 'wed', start: '13:00', end: '16:00' }] }],
    ['ended', activity('x', { sessions: [], schedules: [{ freq: 'WEEKLY', byday: 'WE', opensAt: '10:00', closesAt: '12:00', until: '2026-10-31' }] }), {}],
    ['programme', activity('x', { programme: { startDate: '2026-09-07', weeks: 10, latestJoinWeek: 2 } }), {}],
    ['capacity', activity('x', { capacity: { placesLeft: 0, waitingList: false } }), {}],
    ['cost', activity('x', { cost: { level: 'paid', amountGBP: 20, per: 'session' } }), { budget: 'none' }],
    ['language', activity('x', { languages: ['pl'] }), { languages: ['en'] }],
    ['gym-activation', activity('x', { tags: ['gym'] }), { activation: 2 }],
  ];

  it('covers every rule in ELIGIBILITY_RULES', () => {
    expect(cases.map(([rule]) => rule).sort()).toEqual([...ELIGIBILITY_RULES].sort());
  });

  it.each(cases)('%s: the activity never appears, and explain() names the rule with a reason', (rule, act, overrides) => {
    const matcher = createMatcher([act, activity('ok')]);
    const c = client(overrides);
    expect(ids(matcher.recommend(c, { at: AT, limit: 10 }))).toEqual(['ok']);
    const explanation = matcher.explain(c, 'x', { at: AT });
    expect(explanation.eligible).toBe(false);
    expect(explanation.exclusions.map((e) => e.rule)).toEqual([rule]);
    expect(explanation.exclusions[0]?.reason.length).toBeGreaterThan(10);
  });

  it('reports every rule an activity breaks, not just the first', () => {
    const act = activity('x', { eligibility: { minAge: 70 }, cost: { level: 'paid' }, accessibility: { wheelchair: false }, tags: ['gym'] });
    const explanation = createMatcher([act]).explain(client({ age: 45, budget: 'none', accessibility: { wheelchair: true }, activation: 1 }), 'x', { at: AT });
    expect(explanation.exclusions.map((e) => e.rule)).toEqual(['age', 'accessibility', 'cost', 'gym-activation']);
  });

  it('excludes venues with unconfirmed wheelchair access for a wheelchair user, but not home or online activities', () => {
    const matcher = createMatcher([activity('unknown', { accessibility: {} }), activity('home', { location: { kind: 'home' }, accessibility: {} }), activity('online', { location: { kind: 'online' } })]);
    expect(ids(matcher.recommend(client({ accessibility: { wheelchair: true } }), { at: AT, limit: 10 })).sort()).toEqual(['home', 'online']);
  });

  it('offers a housebound client only home-based and online activities', () => {
    const matcher = createMatcher([activity('venue'), activity('home', { location: { kind: 'home' } }), activity('online', { location: { kind: 'online' } })]);
    const result = matcher.recommend(client({ housebound: true }), { at: AT, limit: 10 });
    expect(ids(result).sort()).toEqual(['home', 'online']);
    expect(matcher.explain(client({ housebound: true }), 'venue', { at: AT }).exclusions[0]?.reason).toBe('Held at a venue, and the client is housebound');
  });

  it('lets a client on no budget take a free period, but not a low-cost activity without one', () => {
    const matcher = createMatcher([activity('free-period', { cost: { level: 'low', amountGBP: 15, per: 'month', freePeriod: { weeks: 10, sessionsPerWeek: 2 } } }), activity('low', { cost: { level: 'low', amountGBP: 3 } })]);
    expect(ids(matcher.recommend(client({ budget: 'none' }), { at: AT, limit: 10 }))).toEqual(['free-period']);
  });

  it('applies the softer schedule rule: a session half inside the availability passes at the default minOverlap of 0.5', () => {
    const act = activity('x', { sessions: [{ day: 'wed', start: '13:00', end: '15:00' }] });
    const oneHour = client({ availability: [{ day: 'wed', start: '14:00', end: '17:00' }] });
    const explanation = createMatcher([act]).explain(oneHour, 'x', { at: AT });
    expect(explanation.eligible).toBe(true);
    expect(explanation.factors.find((f) => f.factor === 'schedule')?.value).toBe(0.5);
    expect(explanation.cautions).toContain('Only 50% of the best-fitting session falls inside their availability');
    const strict = createMatcher([act]).explain(oneHour, 'x', { at: AT, rules: { schedule: { minOverlap: 0.75 } } });
    expect(strict.exclusions.map((e) => e.rule)).toEqual(['schedule']);
  });

  it('switches the gym rule off when minLevelForGym is 1', () => {
    const matcher = createMatcher([activity('gym', { tags: ['gym'] })]);
    expect(matcher.recommend(client({ activation: 1 }), { at: AT })).toHaveLength(0);
    // A gym asks far more than activation level 1 can give, so it is also a weak fit: take every fit to see the rule alone.
    const rules = { relevance: { minimum: 0 } };
    expect(ids(matcher.recommend(client({ activation: 1 }), { at: AT, rules }))).toEqual([]);
    expect(ids(matcher.recommend(client({ activation: 1 }), { at: AT, rules: { ...rules, activation: { minLevelForGym: 1 } } }))).toEqual(['gym']);
  });
});

describe('scores and explanations', () => {
  const catalogue = [
    activity('lungs', { category: 'health-education', conditions: { designedFor: ['copd'] }, groupSize: 'small', intensity: 'light', supported: true }),
    activity('walk', { category: 'physical-activity', tags: ['walking'], location: { kind: 'venue', ...north(1.2) } }),
    activity('advice', { category: 'practical-support', needs: ['debt'], location: { kind: 'home' }, sessions: [] }),
  ];
  const matcher = createMatcher(catalogue);

  it('gives each item a score in [0, 1] whose factor contributions add up to it', () => {
    for (const item of matcher.recommend(client({ conditions: ['copd'], needs: ['debt'] }), { at: AT, limit: 3 })) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      const sum = item.factors.reduce((s, f) => s + f.contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(1e-12);
      expect(Object.keys(item.contributions)).toEqual([...FACTORS]);
    }
  });

  it('writes reasons a link worker can read out', () => {
    const [lungs] = matcher.recommend(client({ conditions: ['COPD'], activation: 2 }), { at: AT, limit: 1 });
    expect(lungs?.id).toBe('lungs');
    expect(lungs?.whyThem).toEqual(['Designed for people with COPD', 'Small group, a gentle start']);
    expect(lungs?.canTheyGo).toEqual(['100 m away', 'Free', 'Next session Wed 13:30']);
    expect(lungs?.reasons).toEqual([...(lungs?.whyThem ?? []), ...(lungs?.canTheyGo ?? [])]);
    expect(lungs?.nextSession?.start.toISOString()).toBe('2026-11-25T13:30:00.000Z');
  });

  it('says how far a venue is, and that home activities come to the client', () => {
    const walk = matcher.explain(client(), 'walk', { at: AT });
    expect(walk.reasons).toContain('1.2 km away');
    expect(walk.distanceKm).toBeCloseTo(1.2, 3);
    expect(matcher.explain(client(), 'advice', { at: AT }).reasons).toContain('Comes to them: a visit at home');
  });

  it('gives the same breakdown in explain() as in recommend()', () => {
    const c = client({ conditions: ['copd'], needs: ['debt'], interests: ['walking'] });
    for (const item of matcher.recommend(c, { at: AT, limit: 3 })) {
      const { rank, ...rest } = item;
      expect(rank).toBeGreaterThan(0);
      expect(matcher.explain(c, item.id, { at: AT })).toEqual(rest);
    }
  });

  it.each([
    ['a free period then a monthly pass', { level: 'low', amountGBP: 15, per: 'month', freePeriod: { weeks: 10, sessionsPerWeek: 2 } }, 'Free for 10 weeks (2 sessions a week), then £15 a month'],
    ['a low price per session', { level: 'low', amountGBP: 4.5, per: 'session' }, 'Low cost: £4.50 a session'],
    ['a paid course', { level: 'paid', amountGBP: 60, per: 'course' }, 'Costs £60 a course'],
    ['free', { level: 'free' }, 'Free'],
  ] as const)('says what it costs: %s', (_label, cost, reason) => {
    const m = createMatcher([activity('x', { cost })]);
    expect(m.explain(client(), 'x', { at: AT }).reasons).toContain(reason);
  });

  it('uses a missing optional field as neutral and says so', () => {
    const m = createMatcher([activity('bare', { cost: undefined, lastVerified: undefined }), activity('full')]);
    const bare = m.explain(client(), 'bare', { at: AT });
    expect(bare.factors.find((f) => f.factor === 'cost')?.value).toBe(0.5);
    expect(bare.factors.find((f) => f.factor === 'freshness')?.value).toBe(0.3);
    expect(bare.cautions).toEqual(expect.arrayContaining(['Cost not recorded: check before referring', 'Details never verified: confirm with the provider']));
  });

  it('ranks a matching interest above an otherwise identical activity, fuzzy spelling included', () => {
    const m = createMatcher([activity('bees', { tags: ['beekeeping'] }), activity('cards', { tags: ['bingo'] })]);
    const [first] = m.recommend(client({ interests: ['bee keeping'] }), { at: AT, limit: 2, rules: { diversity: { enabled: false } } });
    expect(first?.id).toBe('bees');
    expect(first?.reasons).toContain('Matches their interest in beekeeping');
    const [typo] = m.recommend(client({ interests: ['beekeepin'] }), { at: AT, limit: 1 });
    expect(typo?.id).toBe('bees');
  });

  it('avoids what the client wants to avoid, including crowds', () => {
    const m = createMatcher([activity('gym', { tags: ['gym'] }), activity('big', { groupSize: 'large' }), activity('quiet', { groupSize: 'small' })]);
    const result = m.recommend(client({ avoid: ['the gym', 'big groups'] }), { at: AT, limit: 3, rules: { diversity: { enabled: false } } });
    expect(result[0]?.id).toBe('quiet');
    expect(result.find((r) => r.id === 'gym')?.factors.find((f) => f.factor === 'avoidances')?.value).toBe(0);
    expect(result.find((r) => r.id === 'big')?.factors.find((f) => f.factor === 'avoidances')?.value).toBe(0);
    expect(result.find((r) => r.id === 'gym')?.cautions).toContain('Includes something they want to avoid (gym)');
  });

  it('names each avoided thing once, however many of the client\'s words mean it', () => {
    const m = createMatcher([activity('gym', { tags: ['gym'] })]);
    const [gym] = m.recommend(client({ avoid: ['the gym', 'gym', 'big groups'] }), { at: AT, limit: 1 });
    expect(gym?.cautions).toContain('Includes something they want to avoid (gym)');
  });

  it('offers befriending first to the most isolated', () => {
    const m = createMatcher([activity('befriend', { category: 'befriending', location: { kind: 'home' }, groupSize: 'one-to-one' }), activity('club', { groupSize: 'medium' }), activity('advice', { category: 'practical-support', groupSize: 'one-to-one' })]);
    const [first] = m.recommend(client({ loneliness: 'often-or-always' }), { at: AT, limit: 3 });
    expect(first?.id).toBe('befriend');
    expect(first?.reasons).toContain('Regular contact with a befriender');
  });
});

describe('ranking', () => {
  it('breaks ties by id and returns the same list whatever the catalogue order', () => {
    const acts = ['d', 'b', 'a', 'c', 'e'].map((id) => activity(id));
    const expected = ids(createMatcher(acts).recommend(client(), { at: AT, limit: 5, rules: { diversity: { enabled: false } } }));
    expect(expected).toEqual(['a', 'b', 'c', 'd', 'e']);
    fc.assert(
      fc.property(fc.shuffledSubarray(acts, { minLength: acts.length, maxLength: acts.length }), (shuffled) => {
        expect(ids(createMatcher(shuffled).recommend(client(), { at: AT, limit: 5, rules: { diversity: { enabled: false } } }))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('diversifies across categories by default, and not when switched off', () => {
    const walks = ['w1', 'w2', 'w3'].map((id) => activity(id, { category: 'physical-activity', tags: ['walking'], needs: ['physical-activity'] }));
    const book = activity('book', { category: 'social', tags: ['book-club'], lastVerified: '2025-06-01' }); // a little less fresh, so it scores lower
    const m = createMatcher([...walks, book]);
    const plain = m.recommend(client(), { at: AT, limit: 2, rules: { diversity: { enabled: false } } });
    expect(ids(plain)).toEqual(['w1', 'w2']);
    const diverse = m.recommend(client(), { at: AT, limit: 2 });
    expect(ids(diverse)).toEqual(['w1', 'book']);
    expect(diverse[1]!.score).toBeLessThan(plain[1]!.score);
  });

  it('returns at most `limit` items, ranked from 1', () => {
    const m = createMatcher(['a', 'b', 'c'].map((id) => activity(id)));
    expect(m.recommend(client(), { at: AT, limit: 2 }).map((r) => r.rank)).toEqual([1, 2]);
  });
});

describe('bad input', () => {
  it('throws INVALID_CATALOGUE naming every bad field with its path', () => {
    const error = errorOf(() => createMatcher([activity('a'), activity('b', { sessions: [{ day: 'wed', start: '25:00', end: '26:00' }] })]));
    expect(error.code).toBe('INVALID_CATALOGUE');
    expect(error.issues).toEqual([
      { path: 'activities[1].sessions[0].start', message: 'expected HH:MM' },
      { path: 'activities[1].sessions[0].end', message: 'expected HH:MM' },
    ]);
    expect(error.message).toBe('activity-match: invalid catalogue\n  activities[1].sessions[0].start: expected HH:MM\n  activities[1].sessions[0].end: expected HH:MM');
  });

  it('throws DUPLICATE_ID for a repeated id', () => {
    const error = errorOf(() => createMatcher([activity('a'), activity('a')]));
    expect(error.code).toBe('DUPLICATE_ID');
    expect(error.issues[0]?.path).toBe('activities[1].id');
  });

  it('loads leniently: keeps the good records and reports every rejected one with its reasons', () => {
    const matcher = createMatcher([activity('a'), { id: 'b', name: 'B' }, activity('a'), 'junk'], { lenient: true });
    expect(matcher.activities.map((a) => a.id)).toEqual(['a']);
    expect(matcher.rejected.map((r) => [r.index, r.id])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, undefined],
    ]);
    expect(matcher.rejected[0]?.issues.map((i) => i.path)).toEqual(['activities[1].category', 'activities[1].location']);
  });

  it('a lenient load that rejects records scores exactly as a clean load of the records it kept', () => {
    // Rows are written as records are validated, into room for every input record; the
    // rejected ones must leave no trace in the compiled index.
    const mixed = bundled.flatMap((record, i) => (i % 5 === 0 ? [{ id: `junk-${i}`, name: 'Not an activity' }, record] : [record]));
    const lenient = createMatcher(mixed, { lenient: true });
    const clean = createMatcher(bundled);
    expect(lenient.rejected.map((r) => r.id)).toEqual(bundled.flatMap((_, i) => (i % 5 === 0 ? [`junk-${i}`] : [])));
    expect(lenient.stats).toEqual(clean.stats);
    for (const persona of personas) {
      expect(lenient.recommend(persona.profile, { at: AT, limit: 8 })).toEqual(clean.recommend(persona.profile, { at: AT, limit: 8 }));
      for (const { id } of bundled) expect(lenient.explain(persona.profile, id, { at: AT })).toEqual(clean.explain(persona.profile, id, { at: AT }));
    }
  });

  describe('catalogues beyond what the index can hold', () => {
    // The index keeps a time zone in 8 bits and a language list in 16: the record that would
    // bring in one too many is rejected with its field path, never a crash or a silent drop.
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 257);
    const zoned = [...zones.map((timeZone, i) => activity(`z${i}`, { timeZone })), activity('again', { timeZone: zones[0] })];

    it('more than 2^24 activities (here a sparse array): INVALID_CATALOGUE at once, before anything is allocated for them', () => {
      for (const lenient of [false, true]) {
        const error = errorOf(() => createMatcher(new Array(2 ** 24 + 1), { lenient }));
        expect(error.code).toBe('INVALID_CATALOGUE');
        expect(error.issues).toEqual([{ path: 'activities', message: 'expected at most 16,777,216 activities' }]);
      }
    });

    it('257 distinct time zones: strict throws INVALID_CATALOGUE at the 257th', () => {
      const error = errorOf(() => createMatcher(zoned));
      expect(error.code).toBe('INVALID_CATALOGUE');
      expect(error.issues.map((i) => i.path)).toEqual(['activities[256].timeZone']);
      expect(error.issues[0]?.message).toMatch(/at most 256/);
    });

    it('257 distinct time zones: lenient keeps the rest, including later records in a zone already held', () => {
      const matcher = createMatcher(zoned, { lenient: true });
      expect(matcher.rejected.map((r) => [r.index, r.id, r.issues.map((i) => i.path)])).toEqual([[256, 'z256', ['activities[256].timeZone']]]);
      expect(matcher.stats.activities).toBe(257);
      expect(matcher.get('z256')).toBeUndefined();
      expect(matcher.get('again')?.timeZone).toBe(zones[0]);
    });

    it('65,537 distinct language lists: the 65,537th is rejected with its path', () => {
      const letters = (n: number, width: number) => Array.from({ length: width }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** (width - 1 - k)) % 26))).join('');
      const records = Array.from({ length: 65_537 }, (_, i) => activity(`l${i}`, { languages: [letters(Math.floor(i / 17_576), 2), letters(i % 17_576, 3)] }));
      records.push(activity('again', { languages: ['aa', 'aaa'] }));
      const matcher = createMatcher(records, { lenient: true });
      expect(matcher.rejected.map((r) => [r.index, r.issues.map((i) => i.path)])).toEqual([[65_536, ['activities[65536].languages']]]);
      expect(matcher.get('again')?.languages).toEqual(['aa', 'aaa']);
      expect(errorOf(() => createMatcher(records)).issues.map((i) => i.path)).toEqual(['activities[65536].languages']);
    }, 60_000); // Two catalogues of 65,537 records: a hang guard only (it took 7 s on a loaded machine).
  });

  it('throws INVALID_CLIENT with the field path and never the value', () => {
    const error = errorOf(() => createMatcher([activity('a')]).recommend({ age: 61, activation: 2, conditions: ['private-diagnosis-text'] }, { at: AT }));
    expect(error.code).toBe('INVALID_CLIENT');
    expect(error.issues.map((i) => i.path)).toEqual(['client.conditions[0]']);
    expect(error.message).not.toContain('private-diagnosis-text');
  });

  it.each([
    [{}, 'options.at'],
    [{ at: 'next tuesday' }, 'options.at'],
    [{ at: new Date(Number.NaN) }, 'options.at'],
    [{ at: AT, limit: 0 }, 'options.limit'],
    [{ at: AT, limit: 2.5 }, 'options.limit'],
    [{ at: AT, rules: { weights: { cost: -1 } } }, 'options.rules.weights.cost'],
  ])('throws INVALID_OPTIONS for %j', (options, path) => {
    const error = errorOf(() => createMatcher([activity('a')]).recommend(client(), options as never));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('throws UNKNOWN_ACTIVITY for an id not in the catalogue', () => {
    expect(errorOf(() => createMatcher([activity('a')]).explain(client(), 'zzz', { at: AT })).code).toBe('UNKNOWN_ACTIVITY');
  });

  it('never mutates its inputs', () => {
    const catalogue = [activity('a', { tags: ['Bee Keeping'], conditions: { designedFor: ['COPD'] } })];
    const profile = client({ conditions: ['COPD'], interests: ['bees'] });
    const options = { at: AT, limit: 3, rules: { weights: { cost: 2 } } };
    const before = JSON.stringify([catalogue, profile, options]);
    const m = createMatcher(catalogue);
    m.recommend(profile, options);
    m.explain(profile, 'a', { at: options.at, rules: options.rules });
    expect(JSON.stringify([catalogue, profile, options])).toBe(before);
  });

  it('returns plain data that survives JSON.stringify', () => {
    const [item] = createMatcher([activity('a')]).recommend(client(), { at: AT });
    const copy = JSON.parse(JSON.stringify(item)) as { id: string; nextSession: { start: string } };
    expect(copy.id).toBe('a');
    expect(copy.nextSession.start).toBe('2026-11-25T13:30:00.000Z');
  });
});

describe('search', () => {
  it('finds activities by typing, typos included, and highlights where', () => {
    const m = createMatcher([activity('lungs', { name: 'Healthy Lungs course', category: 'health-education' }), activity('walk', { name: 'Walking group', tags: ['walking'] })]);
    const [hit] = m.search('helthy lungs');
    expect(hit?.id).toBe('lungs');
    const name = hit?.matches.find((x) => x.field === 'name');
    expect(name?.ranges.map(([a, b]) => name.value.slice(a, b))).toEqual(['Healthy', 'Lungs']);
    expect(m.search('walkin grup')[0]?.id).toBe('walk');
  });
});

describe('imported records', () => {
  it('say which reasons rest on data inferred from the description', () => {
    const m = createMatcher([activity('x', { conditions: { designedFor: ['copd'] }, inferred: ['conditions.designedFor', 'intensity'], source: { serviceId: 's1' } })]);
    const e = m.explain(client({ conditions: ['copd'] }), 'x', { at: AT });
    expect(e.reasons).toContain('Designed for people with COPD (inferred from the description)');
    expect(e.cautions).toContain("Inferred from the directory's text, not stated: how strenuous it is");
    const imported = createMatcher([activity('y', { cost: { level: 'low' }, eligibility: { minAge: 50 }, inferred: ['cost', 'eligibility.minAge', 'location.area'] })]).explain(client(), 'y', { at: AT });
    expect(imported.cautions).toContain("Inferred from the directory's text, not stated: cost, minimum age and area covered");
    expect(imported.canTheyGo).toContain('Low cost');
  });
});

describe('results', () => {
  it('are frozen copies: editing one cannot change what the matcher returns later', () => {
    const m = createMatcher([activity('a', { tags: ['walking'] })]);
    const [first] = m.recommend(client(), { at: AT });
    expect(() => {
      (first!.activity as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(() => (first!.activity.tags as string[]).push('x')).toThrow(TypeError);
    expect(m.get('a')?.name).toBe('Activity a');
  });
});
