// The public surface of activity-match: named re-exports only.
export { createMatcher } from './create-matcher.js';
export type { Matcher, MatcherOptions, MatcherStats, SnapshotOptions } from './matcher.js';
export { loadMatcher } from './load-matcher.js';
export type { CatalogueChanges, UpdateOptions } from './catalogue/update.js';
export { parseCatalogue } from './catalogue/load.js';
export { createSearchIndex, SEARCH_FIELDS, SEARCH_TEXT_LIMITS, SEARCH_WEIGHTS } from './catalogue/text-search.js';
export type { SearchField, SearchHit, SearchIndex, SearchMatch, SearchOptions } from './catalogue/text-search.js';
export { resolveKeyword } from './catalogue/open-referral/index.js';
export { fromOpenReferral } from './catalogue/from-open-referral.js';
export { stripHtml } from './catalogue/plain-text.js';
export type { FeedShape, ImportProblem, OpenReferralImport, OpenReferralImportOptions, PageInfo, SkippedService } from './catalogue/open-referral/index.js';
export { runImportCommand } from './catalogue/import-command.js';
export type { ImportCommandOptions, ImportCommandResult } from './catalogue/import-command.js';
export type { ParseCatalogueOptions, ParsedCatalogue, RejectedRecord } from './catalogue/load.js';
export { ActivityMatchError, ERROR_CODES, isActivityMatchError } from './errors.js';
export type { ErrorCode, ValidationIssue } from './errors.js';
export { safeCreateMatcher } from './safe.js';
export type { SafeResult } from './result.js';

export { ActivitySchema, AudienceSchema, DELIVERY_KINDS, INFERABLE_FIELDS, InferredSchema, ServiceAreaSchema, SourceSchema, COST_LEVELS, GENDERS, GROUP_SIZES, INTENSITIES, REFERRAL_ROUTES } from './schema/activity.js';
export type { InferableField, Activity, ActivityInput, ActivityLocation, Audience, Cost, CostLevel, DeliveryKind, Gender, GroupSize, Intensity, ReferralRoute } from './schema/activity.js';
export { ACTIVATION_LEVELS, BUDGETS, ClientProfileSchema, LONELINESS, TRAVEL_MODES } from './schema/client.js';
export type { ActivationLevel, Budget, ClientProfile, ClientProfileInput, Loneliness } from './schema/client.js';
export { parseClientProfile } from './schema/lenient-client.js';
export type { ParseClientOptions, ParsedClientProfile, UnrecognisedClientData } from './schema/lenient-client.js';
export { DEFAULT_RULES, FACTORS, MatchingRulesSchema, PRACTICAL_FACTORS, PRACTICAL_FIRST_NEEDS, RELEVANCE_FACTORS } from './schema/rules.js';
export type { Factor, MatchingRules, MatchingRulesInput } from './schema/rules.js';
export { RecommendOptionsSchema } from './schema/recommend-options.js';
export type { DeepReadonly, ExplainOptions, Instant, RecommendOptions } from './inputs.js';
export { DAYS } from './schema/common.js';
export type { Day, WeeklyWindow } from './schema/common.js';

// Time: HSDS schedules, next occurrences, availability fit, programmes and capacity (the same list as activity-match/time).
export * from './entries/time.js';

export { ELIGIBILITY_RULES } from './rank/eligibility.js';
export type { EligibilityRule } from './rank/eligibility.js';
export type { Exclusion, Explanation, FactorScore, Recommendation } from './rank/explain.js';
export type { SessionTime } from './rank/sessions.js';

// The factor functions and haversineKm: the same list as activity-match/factors.
export * from './entries/factors.js';
export { areaKey, postcodeDistrict, postcodeDistrictOf } from './signals/areas.js';

export { AUDIENCE_GROUPS, CATEGORIES, CONDITIONS, NEEDS, TAGS, createVocabulary, foldText, normaliseTag, slugify, vocabularies } from './vocabulary/index.js';
export type { AudienceGroup, Category, Condition, Need, Term, Vocabulary } from './vocabulary/index.js';
export { SNOMED_CT, SNOMED_CT_SOURCES, snomedTerm } from './vocabulary/snomed.js';
export type { SnomedMapping, SnomedSource } from './vocabulary/snomed.js';

// Evaluation: referral histories, ranking metrics (trec_eval conventions), rule comparison, weight fitting.
export * from './evaluate/index.js';
