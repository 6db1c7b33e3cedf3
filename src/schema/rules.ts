import { z } from 'zod';
import { needList } from './common.js';
import type { Need } from '../vocabulary/index.js';
import { deepFreeze } from './fast-common.js';

/**
 * The soft factors, in the order they are reported.
 *
 * @example
 * ```ts
 * FACTORS.length;      // 10
 * FACTORS.slice(0, 3); // ['distance', 'conditions', 'activation']
 * ```
 */
export const FACTORS = ['distance', 'conditions', 'activation', 'needs', 'interests', 'avoidances', 'cost', 'schedule', 'capacity', 'freshness'] as const;
/** A soft factor name. */
export type Factor = (typeof FACTORS)[number];

/**
 * The factors that say *why this person*: their conditions, their needs, their interests, the
 * fit to their activation level, and what they want to avoid. Their weighted mean is an
 * activity's relevance; the shortlist takes only activities relevant enough
 * (`rules.relevance.minimum`), so being near, free and open at a good time cannot make an
 * irrelevant activity relevant.
 *
 * @example
 * ```ts
 * RELEVANCE_FACTORS; // ['conditions', 'activation', 'needs', 'interests', 'avoidances']
 * ```
 */
export const RELEVANCE_FACTORS = ['conditions', 'activation', 'needs', 'interests', 'avoidances'] as const satisfies readonly Factor[];

/**
 * The factors that say *can they go*: distance, cost, timetable, places and how recently the
 * record was checked. Their weighted mean is an activity's practicality; among relevant
 * activities they decide the order.
 *
 * @example
 * ```ts
 * PRACTICAL_FACTORS; // ['distance', 'cost', 'schedule', 'capacity', 'freshness']
 * ```
 */
export const PRACTICAL_FACTORS = ['distance', 'cost', 'schedule', 'capacity', 'freshness'] as const satisfies readonly Factor[];

/**
 * The needs that put practical help first by default (see `rules.relevance.practicalFirst`):
 * money, debt, benefits, housing, legal problems and food.
 *
 * @example
 * ```ts
 * PRACTICAL_FIRST_NEEDS; // ['financial', 'debt', 'benefits', 'housing', 'legal', 'food']
 * ```
 */
export const PRACTICAL_FIRST_NEEDS: readonly Need[] = ['financial', 'debt', 'benefits', 'housing', 'legal', 'food'];

const weight = (fallback: number) =>
  z.number({ error: 'expected a finite weight >= 0' }).finite({ error: 'expected a finite weight >= 0' }).min(0, { error: 'expected a finite weight >= 0' }).max(1000, { error: 'expected a weight of at most 1000' }).default(fallback);
const fraction = (fallback: number) =>
  z.number({ error: 'expected a number from 0 to 1' }).min(0, { error: 'expected a number from 0 to 1' }).max(1, { error: 'expected a number from 0 to 1' }).default(fallback);
const days = (fallback: number) =>
  z.number({ error: 'expected a whole number of days >= 0' }).int({ error: 'expected a whole number of days >= 0' }).min(0, { error: 'expected a whole number of days >= 0' }).max(36500, { error: 'expected at most 36500 days' }).default(fallback);

/**
 * Matching rules: factor weights and the parameters of each rule. JSON-serialisable; every
 * field has a default, so `MatchingRulesSchema.parse({ weights: { cost: 2 } })` changes one
 * weight and keeps the rest. The score is the weighted mean of the factor values:
 * `score = Σ (wᵢ / Σ w)·fᵢ`, so each contribution is `(wᵢ / Σ w)·fᵢ` and they add up to the score.
 *
 * @example
 * ```ts
 * const rules = MatchingRulesSchema.parse({ weights: { cost: 2 } });
 * rules.weights.cost;          // 2
 * rules.weights.needs;         // 3  (the default)
 * rules.distance.defaultMaxKm; // 8
 * ```
 */
export const MatchingRulesSchema = z
  .strictObject({
    /** Relative weight of each soft factor (≥ 0, at least one > 0). */
    weights: z
      .strictObject({
        /** How near the venue is. */
        distance: weight(1),
        /** Designed for the client's long-term conditions. */
        conditions: weight(1.5),
        /** Demand of the activity against the client's activation level. */
        activation: weight(2),
        /** Supports the client's social and practical needs; social contact for lonely clients. */
        needs: weight(3),
        /** Matches the client's interests. */
        interests: weight(1.5),
        /** Avoids what the client wants to avoid. */
        avoidances: weight(1.5),
        /** Affordable within the client's budget. */
        cost: weight(1),
        /** Sessions fall inside the client's availability. */
        schedule: weight(1),
        /** Places are free now (a recorded waiting time lowers it). */
        capacity: weight(0.5),
        /** The record was verified recently. */
        freshness: weight(0.5),
      })
      .prefault({}),
    distance: z
      .strictObject({
        /** Travel limit in km for clients who have not given one. */
        defaultMaxKm: z.number({ error: 'expected a distance in km' }).finite({ error: 'expected a distance in km' }).positive({ error: 'expected a distance in km > 0' }).max(500, { error: 'expected at most 500 km' }).default(8),
        /** Factor value when the distance cannot be worked out (no home location). */
        unknown: fraction(0.5),
        /**
         * Factor value of a service that needs no travel (a home visit, by phone, online): as good
         * as a venue 30% of the way to the travel limit, so a near venue still ranks above it.
         */
        remote: fraction(0.7),
      })
      .prefault({}),
    relevance: z
      .strictObject({
        /**
         * Shortlist only activities whose relevance (the weighted mean of the relevance factors,
         * see `RELEVANCE_FACTORS`) is at least this. A list is never padded: when fewer activities
         * fit well, fewer are returned. 0 takes every eligible activity.
         */
        minimum: fraction(0.5),
        /**
         * Practical help first: for a client at this activation level or below with one of
         * `needs`, a practical support service meeting one of those needs comes before anything
         * else ("that level of activation comes later"). 0 switches it off.
         */
        practicalFirst: z
          .strictObject({
            maxActivation: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'expected an activation level 0 (off), 1, 2, 3 or 4' }).default(2),
            needs: needList().default([...PRACTICAL_FIRST_NEEDS]),
          })
          .prefault({}),
      })
      .prefault({}),
    activation: z
      .strictObject({
        /**
         * Gym-based activities (tag `gym`) are excluded below this activation level: people at
         * levels 1 and 2 must not be pushed into a gym. Set to 1 to switch the rule off.
         */
        minLevelForGym: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'expected an activation level 1, 2, 3 or 4' }).default(3),
      })
      .prefault({}),
    schedule: z
      .strictObject({
        /**
         * An activity is excluded when none of its sessions has at least this fraction of its
         * length inside the client's availability (0 means any overlap at all is enough).
         */
        minOverlap: fraction(0.5),
      })
      .prefault({}),
    freshness: z
      .strictObject({
        /** Records verified within this many days score 1. */
        freshDays: days(365),
        /** Records verified this many days ago or more score 0 (linear in between). */
        staleDays: days(1095),
        /** Factor value when the record has no verification date. */
        unknown: fraction(0.3),
      })
      .prefault({})
      .refine((f) => f.staleDays > f.freshDays, { error: 'expected staleDays greater than freshDays', path: ['staleDays'] }),
    diversity: z
      .strictObject({
        /** Diversify the shortlist across categories (see `diversify`). */
        enabled: z.boolean({ error: 'expected true or false' }).default(true),
        /**
         * Weight of redundancy: a candidate's value is its score minus `penalty` times the sum of
         * its similarity to the activities already shortlisted (see `diversify`). 0 is pure
         * relevance; at 0.1 a second, identical walking group must score 0.1 more than an
         * unrelated option to come first. Diversity only reorders activities of the same fit
         * (see `FITS`): it never lifts an activity above one that meets more of what the client
         * came for.
         */
        penalty: fraction(0.1),
        /** How many of the best-scoring eligible activities are considered, per requested item. */
        poolFactor: z.number({ error: 'expected a whole number from 1 to 20' }).int({ error: 'expected a whole number from 1 to 20' }).min(1, { error: 'expected a whole number from 1 to 20' }).max(20, { error: 'expected a whole number from 1 to 20' }).default(4),
      })
      .prefault({}),
  })
  .refine((r) => Object.values(r.weights).some((w) => w > 0), { error: 'expected at least one weight above 0', path: ['weights'] });

/** Validated matching rules. */
export type MatchingRules = z.infer<typeof MatchingRulesSchema>;
/** Matching rules as written: any field may be left out and takes its default. */
export type MatchingRulesInput = z.input<typeof MatchingRulesSchema>;

/**
 * The default matching rules, frozen. Copy and change what you need:
 *
 * @example
 * ```ts
 * const rules = { ...DEFAULT_RULES, weights: { ...DEFAULT_RULES.weights, distance: 2 } };
 * matcher.recommend(client, { at: new Date(), rules });
 * ```
 */
export const DEFAULT_RULES: MatchingRules = deepFreeze(MatchingRulesSchema.parse({}));
