import { describe, expect, it } from 'vitest';
import { ActivityMatchError } from '../../src/index.js';
import { evaluate, judgementsFor, ReferralHistorySchema, referralInstant, ReferralSchema, WellbeingSchema } from '../../src/evaluate/index.js';
import type { ReferralInput } from '../../src/evaluate/index.js';
import { activity } from '../helpers.js';

/** A valid referral: two activities offered, the second taken up and attended. */
function referral(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    id: 'r1',
    date: '2026-03-02',
    client: { id: 'c1', age: 67, activation: 2, conditions: ['COPD'] },
    offered: [
      { activityId: 'a1', rank: 1 },
      { activityId: 'a2', rank: 2 },
    ],
    takenUp: 'a2',
    attended: true,
    completed: false,
    ...overrides,
  };
}

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ReferralSchema', () => {
  it('accepts a referral, canonicalises the client profile and defaults the support to a link worker', () => {
    const parsed = ReferralSchema.parse(referral());
    expect(parsed.client.conditions).toEqual(['copd']);
    expect(parsed.support).toBe('link-worker');
  });

  it.each([
    ['a rank of 0', { offered: [{ activityId: 'a1', rank: 0 }] }, 'offered.0.rank: expected a rank: a whole number from 1'],
    ['a fractional rank', { offered: [{ activityId: 'a1', rank: 1.5 }] }, 'offered.0.rank: expected a rank: a whole number from 1'],
    ['two activities with one rank', { offered: [{ activityId: 'a1', rank: 1 }, { activityId: 'a2', rank: 1 }] }, 'offered.1.rank: expected ranks to be unique within a referral'],
    ['an activity offered twice', { offered: [{ activityId: 'a1', rank: 1 }, { activityId: 'a1', rank: 2 }], takenUp: 'a1' }, 'offered.1.activityId: expected each activity to be offered once'],
    ['nothing offered', { offered: [], takenUp: null, attended: false }, 'offered: expected at least one offered activity'],
    ['a take-up that was not offered', { takenUp: 'a9' }, 'takenUp: expected the id of one of the offered activities, or null'],
    ['attendance without a take-up', { takenUp: null }, 'attended: expected attended to be false when nothing was taken up'],
    ['completion without attendance', { attended: false, completed: true }, 'completed: expected completed to be false when the first session was not attended'],
    ['an impossible date', { date: '2026-02-30' }, 'date: expected a date YYYY-MM-DD between 1900 and 2999'],
    ['an unknown support mode', { support: 'carrier-pigeon' as never }, "support: expected 'link-worker' or 'list-only'"],
    ['a client without activation', { client: { age: 50 } as never }, 'client.activation: expected an activation level 1, 2, 3 or 4'],
  ])('rejects %s, naming the field path', (_label, overrides, expected) => {
    expect(issuesOf(ReferralSchema.safeParse(referral(overrides as Partial<ReferralInput>)))).toContain(expected);
  });

  it('rejects misspelt fields instead of silently dropping them', () => {
    const result = ReferralSchema.safeParse({ ...referral(), takenup: 'a2' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('WellbeingSchema', () => {
  it.each([
    ['WEMWBS from 14 to 70', { scale: 'WEMWBS', before: 14, after: 70, change: 56 }],
    ['SWEMWBS metric scores with decimals', { scale: 'SWEMWBS', before: 19.25, after: 21.54, change: 2.29 }],
    ['ONS4 answers 0 to 10', { scale: 'ONS4', before: { lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 7 } }],
    ['a baseline without follow-up', { scale: 'WEMWBS', before: 40 }],
  ])('accepts %s', (_label, input) => {
    expect(WellbeingSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a WEMWBS score below 14', { scale: 'WEMWBS', before: 13 }, 'before: expected a whole number from 14 to 70 (WEMWBS)'],
    ['a fractional WEMWBS score', { scale: 'WEMWBS', after: 40.5 }, 'after: expected a whole number from 14 to 70 (WEMWBS)'],
    ['a SWEMWBS score above 35', { scale: 'SWEMWBS', before: 36 }, 'before: expected a number from 7 to 35 (SWEMWBS)'],
    ['an ONS4 answer of 11', { scale: 'ONS4', before: { lifeSatisfaction: 11, worthwhile: 5, happiness: 3, anxiety: 7 } }, 'before.lifeSatisfaction: expected a whole number from 0 to 10 (ONS4 answer)'],
    ['a change that does not add up', { scale: 'WEMWBS', before: 40, after: 45, change: 3 }, 'change: expected change to equal after minus before'],
    ['an unknown scale', { scale: 'GHQ-12', before: 3 }, "scale: expected a wellbeing measure with scale 'WEMWBS', 'SWEMWBS' or 'ONS4'"],
  ])('rejects %s', (_label, input, expected) => {
    expect(issuesOf(WellbeingSchema.safeParse(input))).toContain(expected);
  });
});

describe('ReferralHistorySchema', () => {
  it('rejects two referrals with the same id, pointing at the second', () => {
    expect(issuesOf(ReferralHistorySchema.safeParse([referral(), referral()]))).toEqual(['1.id: expected referral ids to be unique']);
  });
});

describe('bad referrals given to evaluate', () => {
  const catalogue = [activity('a1'), activity('a2')];

  it('throws INVALID_OPTIONS naming the path from `referrals`, never the values', () => {
    const secret = 'Mrs Jane Example';
    const history = [referral({ id: 'r1' }), referral({ id: 'r2' }), referral({ id: 'r3' }), referral({ id: secret, offered: [{ activityId: 'a1', rank: -4 }], takenUp: null, attended: false })];
    try {
      evaluate({}, history, { catalogue });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ActivityMatchError);
      const e = error as ActivityMatchError;
      expect(e.code).toBe('INVALID_OPTIONS');
      expect(e.issues.map((i) => i.path)).toEqual(['referrals[3].offered[0].rank']);
      expect(e.message).not.toContain(secret);
      expect(e.message).not.toContain('-4');
    }
  });

  it('throws UNKNOWN_ACTIVITY for an offered activity missing from the catalogue', () => {
    const history = [referral({ offered: [{ activityId: 'a1', rank: 1 }, { activityId: 'gone', rank: 2 }], takenUp: 'a1' })];
    expect(() => evaluate({}, history, { catalogue })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ACTIVITY', issues: [expect.objectContaining({ path: 'referrals[0].offered[1].activityId' })] }));
  });
});

describe('judgementsFor', () => {
  const parsed = ReferralSchema.parse(referral());

  it('grades the activity taken up by the chosen outcome, and the others 0', () => {
    expect(judgementsFor(parsed, 'taken-up')).toEqual({ a1: 0, a2: 1 });
    expect(judgementsFor(parsed, 'attended')).toEqual({ a1: 0, a2: 1 });
    expect(judgementsFor(parsed, 'completed')).toEqual({ a1: 0, a2: 0 });
    expect(judgementsFor(parsed, 'graded')).toEqual({ a1: 0, a2: 2 });
  });

  it('gives nothing relevant when nothing was taken up', () => {
    const none = ReferralSchema.parse(referral({ takenUp: null, attended: false }));
    expect(judgementsFor(none, 'graded')).toEqual({ a1: 0, a2: 0 });
  });
});

describe('referralInstant', () => {
  it('evaluates a referral at midday UTC on its date', () => {
    expect(referralInstant('2026-03-02')).toBe('2026-03-02T12:00:00Z');
  });
});
