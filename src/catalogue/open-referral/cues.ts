/**
 * The documented cue tables the importer reads descriptions with. All match folded text
 * (lower case, accents and punctuation removed: "chair-based" is "chair based").
 *
 * @module
 */
import type { Category } from '../../vocabulary/index.js';

/**
 * Category cues, with a weight: 2 for a cue that names the category outright ("befriending",
 * "counselling"), 1 for a typical activity, 0.5 for a word that many kinds of activity use
 * ("course", "wellbeing"). Cues in the service name count three times. A cue counts once per
 * text however often it is repeated (a description that says "chat" three times is no more
 * social for it), and {@link NOT_CATEGORY_PHRASES} are taken out first.
 *
 * What a service teaches or is about decides over the form it takes: a cooking course on
 * healthy meals is health education (councils' "Cook and Eat" courses are public-health
 * programmes), practising English or using a smartphone is learning, growing food is nature, a
 * memory café is social.
 */
export const CATEGORY_CUES: Readonly<Record<Category, Readonly<Record<string, number>>>> = {
  'physical-activity': {
    exercise: 1, exercises: 1, 'exercise class': 2, fitness: 1, 'keep fit': 2, sport: 1, sports: 1, 'physical activity': 2, 'get active': 1, gym: 2, workout: 1,
    aerobics: 2, pilates: 2, circuits: 2, 'circuit training': 2, running: 1, jogging: 1, cycling: 1, football: 1, 'walking football': 2, badminton: 2, bowls: 1, bowling: 1,
    swimming: 2, swim: 1, aquafit: 2, yoga: 2, 'tai chi': 2, zumba: 2, 'dance class': 1, 'strength and balance': 2, 'falls prevention': 2, 'health walk': 2,
    'health walks': 2, 'walking group': 2, 'walking netball': 2, 'nordic walking': 2, boccia: 2, 'table tennis': 2, 'exercise on referral': 2, 'exercise referral': 2,
    bootcamp: 2, 'boot camp': 2, hiit: 2, 'high intensity': 2, 'interval training': 2, spinning: 2, boxercise: 2,
    walks: 1, 'led walk': 2, 'led walks': 2, 'walking for health': 2, 'walk leaders': 1, 'cycle training': 2, 'learn to ride': 2, bike: 1, bikes: 1,
    'supervised exercise': 2,
  },
  social: {
    'social group': 2, 'social club': 2, 'coffee morning': 2, 'lunch club': 2, 'luncheon club': 2, 'friendship group': 2, 'friendship club': 2, 'meet people': 1,
    'meet new people': 1, 'make friends': 1, 'tea dance': 2, bingo: 2, 'bridge club': 2, 'games afternoon': 2, 'community cafe': 1, 'get together': 1,
    social: 0.5, chat: 0.5, natter: 0.5, cuppa: 0.5, 'book club': 2, 'reading group': 2,
    cafe: 1, 'welcome cafe': 2, 'youth club': 2, 'meet others': 1, 'chance to meet': 1, company: 0.5, 'some company': 1, 'guest speakers': 1, speakers: 0.5,
    trips: 0.5, 'friendly group': 1, quiz: 1, quizzes: 1,
    'memory cafe': 2, 'dementia cafe': 2, disco: 2, 'social evening': 2, 'games night': 2, 'film club': 2, 'singles club': 2, 'social activities': 1,
  },
  creative: {
    art: 1, arts: 1, 'art class': 2, painting: 1, drawing: 1, craft: 1, crafts: 1, knitting: 2, crochet: 2, sewing: 1, pottery: 2, choir: 2, singing: 2, music: 1,
    ukulele: 2, photography: 2, 'creative writing': 2, poetry: 1, drama: 1, theatre: 1, woodwork: 1, 'mens shed': 2, creative: 1,
  },
  nature: {
    gardening: 2, 'community garden': 2, allotment: 2, conservation: 2, 'green gym': 2, nature: 1, outdoors: 1, beekeeping: 2, woodland: 1, wildlife: 1,
    'nature walk': 2, 'nature walks': 2, 'green space': 1, 'forest school': 2, farm: 1, orchard: 2, planting: 1, pruning: 1, 'hedge laying': 1,
    forest: 0.5, 'forest walk': 2, 'forest walks': 2, 'forest bathing': 2, woods: 0.5, countryside: 1, birdsong: 1, 'bird watching': 2, birdwatching: 2, 'fresh air': 0.5, horticultural: 2, horticulture: 2,
    'grow food': 2, 'grow fruit': 2, 'grow vegetables': 2, 'grow veg': 2, 'grow your own': 2, 'fruit and veg': 1, 'community growing': 2, 'food growing': 2,
    'growing space': 2, 'learn to garden': 2, 'therapeutic gardening': 2,
  },
  learning: {
    course: 0.5, courses: 0.5, lessons: 1, learn: 0.5, learning: 0.5, workshop: 0.5, workshops: 0.5, 'adult education': 2, 'adult learning': 2, esol: 2,
    'english classes': 2, 'computer class': 2, 'computer classes': 2, 'digital skills': 1, library: 0.5, 'local history': 2, 'history group': 2,
    'practise your english': 2, 'practice your english': 2, 'practise english': 2, 'improve your english': 2, 'english conversation': 2,
    'conversation cafe': 2, 'conversation club': 2, 'language cafe': 2, 'learn english': 2,
    digital: 0.5, tech: 1, smartphone: 1, smartphones: 1, laptop: 1, laptops: 1, ipad: 1, 'nhs app': 1,
    'get online': 1, 'getting online': 1, 'staying safe online': 1, 'online safety': 1, 'computer skills': 2, computers: 1,
  },
  'health-education': {
    'self management': 2, 'education programme': 2, 'pulmonary rehabilitation': 2, 'cardiac rehabilitation': 2, 'cardiac rehab': 2, 'heart rehab': 2,
    'diabetes education': 2, 'structured education': 2, 'expert patients': 2, 'living well with': 1, 'healthy lungs': 2, 'lung health': 1,
    'weight management': 1, desmond: 2, 'pain management': 1, 'health course': 2, 'patient education': 2,
    'healthy weight': 2, 'diabetes prevention': 2, 'prevention programme': 1, 'nhs programme': 1, 'breathing techniques': 1.5, 'managing breathlessness': 1.5,
    'inhaler technique': 2, 'information session': 1.5, 'information sessions': 1.5, 'health talks': 1, physiotherapist: 1, psychologist: 0.5, pacing: 1,
    'flare ups': 1, dietitians: 1, education: 0.5, menopause: 1,
    'healthy eating': 2, 'healthy meals': 2, 'healthy food': 2, 'healthy cooking': 2, 'cook healthy': 2, nutrition: 1, 'cookery course': 2, 'cooking course': 2,
    'cooking class': 2, 'cooking classes': 2, 'cook and eat': 2,
  },
  befriending: {
    befriending: 2, befriender: 2, befrienders: 2, befriend: 2, 'telephone friendship': 2, companionship: 2, 'good neighbour': 1, 'good neighbours': 1,
    'friendly phone call': 2, 'friendly phone calls': 2, 'home visiting': 1,
    'visit you at home': 1.5, 'visits you at home': 1.5, 'give you a call': 1, 'rings you': 1, 'a volunteer rings you': 2, 'calls you': 1, 'check you re ok': 1,
    'friendly volunteer': 1.5, 'with a volunteer': 1, 'stay for a chat': 1.5, 'for a chat': 0.5, companion: 1.5, friends: 0.5,
  },
  'practical-support': {
    advice: 2, advisers: 2, adviser: 2, advisor: 2, advisors: 2, caseworker: 2, debt: 2, debts: 2, 'benefits advice': 2, 'welfare benefits': 2, 'citizens advice': 2,
    'housing advice': 2, 'food bank': 2, foodbank: 2, pantry: 2, 'money advice': 2, 'legal advice': 2, 'employment support': 2, 'job club': 2, 'form filling': 2,
    'universal credit': 2, advocacy: 2, 'food parcels': 2,
    'stay independent': 2, 'independent living': 2, 'rehabilitation officer': 2, repairs: 1, handyperson: 2,
    larder: 2, 'community shop': 2, 'social supermarket': 2, 'food support': 2, 'work club': 2, 'job search': 2, 'job searching': 2, cvs: 2,
    cv: 2, 'interview practice': 2, 'application forms': 1, 'benefits check': 2, 'benefit claims': 2, 'claiming benefits': 2, 'welfare rights': 2, allowance: 1, 'carers assessment': 2, 'carers assessments': 2, 'energy advice': 2,
  },
  'mental-wellbeing': {
    counselling: 2, counseling: 2, 'talking therapy': 2, 'talking therapies': 2, therapy: 1, 'mental health': 1, wellbeing: 0.5, mindfulness: 1,
    'peer support': 1, 'support group': 0.5, bereavement: 2, 'emotional support': 1, stress: 0.5, anxiety: 0.5, depression: 0.5,
    counsellor: 2, counsellors: 2, 'listening line': 2, 'listening ear': 2, 'in confidence': 1, 'feeling low': 1, 'on your mind': 2, 'on their mind': 2,
    'in recovery': 2, recovery: 1, 'mutual aid': 2, 'no judgement': 1, 'peer led': 1,
  },
};

/**
 * UK `deliverable_type` terms as category cues: what the publisher says the record delivers.
 * A term the table names is read whole ("Employment support"); any other term that joins
 * several with "and", "&" or "/" is read part by part ("Information and advice" is information
 * and advice; "Arts & crafts" arts and crafts); each term or part counts once. Three strengths:
 *
 * | weight | terms | why |
 * |---|---|---|
 * | 3, as much as a cue in the name | advice, befriending, counselling, employment support, food, lunch club, digital skills, gardening …; arts and crafts together | the term names the kind of service outright |
 * | 1 to 1.5 | physical activity, social activity, social group, arts, crafts, assessment, therapy | a nudge: "Physical activity" is also written on nature walks, "Social activity" on craft groups and allotments |
 * | 0.5 | course, class, information | many kinds of service |
 *
 * Terms not listed ("1 to 1 support", "Peer group", "Support group", "Group", "Activity",
 * "Volunteering") say nothing about the category.
 */
export const DELIVERABLE_CUES: Readonly<Record<string, Readonly<Partial<Record<Category, number>>>>> = {
  'physical activity': { 'physical-activity': 1.5 },
  exercise: { 'physical-activity': 1.5 },
  sport: { 'physical-activity': 1.5 },
  'social activity': { social: 1.5 },
  'social group': { social: 1.5 },
  'lunch club': { social: 3 },
  advice: { 'practical-support': 3 },
  'practical support': { 'practical-support': 3 },
  'employment support': { 'practical-support': 3 },
  employment: { 'practical-support': 3 },
  food: { 'practical-support': 3 },
  'food bank': { 'practical-support': 3 },
  'money advice': { 'practical-support': 3 },
  'debt advice': { 'practical-support': 3 },
  benefits: { 'practical-support': 3 },
  housing: { 'practical-support': 3 },
  advocacy: { 'practical-support': 3 },
  information: { 'health-education': 0.5 },
  assessment: { 'health-education': 1.5 },
  'health check': { 'health-education': 1.5 },
  course: { learning: 0.5 },
  class: { learning: 0.5 },
  training: { learning: 0.5 },
  'digital skills': { learning: 3 },
  'digital support': { learning: 3 },
  'digital inclusion': { learning: 3 },
  arts: { creative: 1.5 },
  crafts: { creative: 1.5 },
  'creative activity': { creative: 1.5 },
  gardening: { nature: 3 },
  befriending: { befriending: 3 },
  counselling: { 'mental-wellbeing': 3 },
  therapy: { 'mental-wellbeing': 1.5 },
};

/**
 * Phrases that hold a category cue but name a condition, a profession or a public service, not
 * an activity ("adults with learning disabilities" is not learning; "social workers", "social
 * care" and "social isolation" are not social): taken out of the folded text before the category
 * cues are read.
 */
export const NOT_CATEGORY_PHRASES = /\b(learning (disability|disabilities|difficulty|difficulties|disabled)|social (care|worker|workers|services|prescribing|prescriber|prescribers|housing|isolation))\b/g;

/** Order that breaks ties between categories: the more specific offer first. */
export const CATEGORY_PRIORITY: readonly Category[] = ['befriending', 'practical-support', 'health-education', 'mental-wellbeing', 'physical-activity', 'nature', 'creative', 'learning', 'social'];

/** Category given when neither taxonomy nor text names one (with a warning). */
export const FALLBACK_CATEGORY: Category = 'social';

/**
 * Intensity cues, checked in this order for physical activity and nature (the first that
 * matches decides). Softeners come first: "gentle circuits" is light. Negated phrases are
 * removed first ({@link NEGATED}): "no running or tackling" is not running.
 */
export const INTENSITY_CUES = [
  ['light', /\b(gentle|gentler|chair based|seated|sitting down|low impact|slow|slower|slow paced|at your own pace|easy pace|light exercise)\b/],
  ['vigorous', /\b(high intensity|hiit|circuits?|circuit training|boot ?camp|running|run club|couch to 5k|5k|spinning|spin class|boxing|boxercise|zumba|vigorous|intense)\b/],
  ['moderate', /\b(exercise class(es)?|fitness class(es)?|aerobics|swimming|swim|brisk|gym|dance|dancing|cycling|football|badminton|pilates|yoga|conservation|green gym|allotment|aquafit|exercise|fitness|moderate)\b/],
  ['light', /\b(walk|walks|walking|stroll|tai chi|qigong|gardening|bowls|stretching|stretch|balance|beekeeping)\b/],
] as const;

/** A negated phrase of up to three words ("no running or tackling", "without weights"), removed before intensity cues are read. */
export const NEGATED = /\b(no|not|without|non)( (or|and)?\s?\w+){1,3}/g;

/** Categories whose activities are not exercise: intensity `none` unless their name says otherwise (then at most light). */
export const RESTING_CATEGORIES: ReadonlySet<Category> = new Set(['social', 'creative', 'learning', 'health-education', 'befriending', 'practical-support', 'mental-wellbeing']);

/** Group-size cues on folded text, after any stated number of places. */
export const GROUP_CUES = [
  ['one-to-one', /\b(one to one|1 to 1|1 2 1|one2one|individual (support|sessions?|appointments?)|home visits?|your own befriender|a befriender|caseworker|appointments? with (a|an|our))\b/],
  ['small', /\bsmall( \w+)? (group|groups|class|classes)\b/],
  ['large', /\b(large (group|groups|class|classes)|big group|mass participation|hundreds of)\b/],
] as const;

/** A stated size on plain text: "groups of up to 8", "maximum of 12 people", "20 places". */
export const GROUP_NUMBER = /\b(?:groups? of(?: up to)?|up to|maximum of|max\.?|no more than|limited to|places for|class size of)\s*(\d{1,3})\b|\b(\d{1,3})\s+(?:places|spaces|participants)\b/i;

/** Cues that staff or volunteers give a supported, gentle start. */
export const SUPPORTED_CUE = /\b(staff supported|volunteer supported|supported (group|groups|session|sessions|walk|walks|activity|activities|start)|fully supported|with support|accompan\w*|buddy|buddies|(someone|a volunteer|we) will meet you|meet you (at|there)|at your own pace|go at your pace|support workers?)\b/;

/** A sentence that rules people out: conditions in it are unsuitable. */
export const UNSUITABLE_CUE = /\b(not suitable|unsuitable|not recommended|not appropriate|cannot (accept|take|support)|unable to (accept|take|support)|should not (attend|take part|join)|excluded|exclusion|contraindicat\w*|not for people|not able to accept)\b/;

/** A sentence that says who an activity is for: conditions in it are designed for. */
export const DESIGNED_CUE = /\b(for (people|adults|anyone|those|men|women|residents|patients)( \w+)? (with|who|living|affected|recovering|diagnosed)|living with|suitable for|designed for|aimed at|specifically for|people who have|diagnosed with|affected by|recovering from|(help|helps|helping)( you| people)? (manage|with|cope)|managing|manage (your|their)|with a diagnosis|experiencing|who experience|who have|if you have|have had (a|an))\b/;
