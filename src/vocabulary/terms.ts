/**
 * The controlled vocabularies: conditions, needs, categories and common activity tags.
 *
 * Each entry maps a canonical id to its label and its synonyms. Exact synonym look-up
 * (case, punctuation and spacing folded) is used when validating data; fuzzy look-up
 * over the same synonyms is used for free text (see `normaliseTerm`).
 */

/** One vocabulary entry: a canonical id, a readable label and the other ways people write it. */
export interface Term {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

/**
 * Activity categories.
 *
 * @example
 * ```ts
 * CATEGORIES[0].id;                                  // 'physical-activity'
 * CATEGORIES.find((c) => c.id === 'nature')?.label;  // 'Nature and outdoors'
 * ```
 */
export const CATEGORIES = [
  { id: 'physical-activity', label: 'Physical activity', synonyms: ['exercise', 'sport', 'fitness', 'keep fit', 'get fit', 'getting fit', 'get active', 'being active'] },
  { id: 'social', label: 'Social', synonyms: ['social group', 'club', 'meet people', 'meeting people', 'meeting new people', 'making friends', 'social activity', 'company'] },
  { id: 'creative', label: 'Creative', synonyms: ['arts', 'arts and crafts', 'creativity'] },
  { id: 'nature', label: 'Nature and outdoors', synonyms: ['green', 'outdoors', 'green prescribing', 'environment'] },
  { id: 'learning', label: 'Learning', synonyms: ['education', 'course', 'class', 'adult learning'] },
  { id: 'health-education', label: 'Health education', synonyms: ['self management', 'health course', 'patient education'] },
  { id: 'befriending', label: 'Befriending', synonyms: ['befriender', 'telephone friendship', 'companionship'] },
  { id: 'practical-support', label: 'Practical support', synonyms: ['advice', 'practical help', 'welfare advice', 'information and advice'] },
  { id: 'mental-wellbeing', label: 'Mental wellbeing', synonyms: ['mental health', 'wellbeing', 'emotional support', 'talking therapy'] },
] as const satisfies readonly Term[];

/**
 * Long-term conditions the matcher knows about.
 *
 * @example
 * ```ts
 * CONDITIONS.find((c) => c.id === 'copd')?.label;        // 'COPD'
 * CONDITIONS.find((c) => c.id === 'copd')?.synonyms[0];  // 'chronic obstructive pulmonary disease'
 * ```
 */
export const CONDITIONS = [
  { id: 'asthma', label: 'asthma', synonyms: [] },
  { id: 'copd', label: 'COPD', synonyms: ['chronic obstructive pulmonary disease', 'emphysema', 'chronic bronchitis', 'chronic lung disease'] },
  { id: 'type-1-diabetes', label: 'type 1 diabetes', synonyms: ['t1d', 'type one diabetes', 'diabetes type 1', 'insulin dependent diabetes'] },
  { id: 'type-2-diabetes', label: 'type 2 diabetes', synonyms: ['t2d', 'type two diabetes', 'diabetes type 2', 'diabetes mellitus type 2'] },
  { id: 'heart-disease', label: 'heart disease', synonyms: ['coronary heart disease', 'chd', 'cardiovascular disease', 'cvd', 'heart failure', 'angina', 'cardiac'] },
  { id: 'hypertension', label: 'high blood pressure', synonyms: ['high blood pressure', 'raised blood pressure'] },
  { id: 'stroke', label: 'stroke', synonyms: ['cva', 'tia', 'cerebrovascular accident'] },
  { id: 'osteoporosis', label: 'osteoporosis', synonyms: ['brittle bones', 'low bone density'] },
  { id: 'arthritis', label: 'arthritis', synonyms: ['osteoarthritis', 'rheumatoid arthritis', 'joint pain'] },
  { id: 'chronic-pain', label: 'chronic pain', synonyms: ['persistent pain', 'fibromyalgia', 'back pain', 'long term pain'] },
  { id: 'obesity', label: 'obesity', synonyms: ['overweight', 'weight management', 'high bmi'] },
  { id: 'depression', label: 'depression', synonyms: ['low mood', 'depressive disorder'] },
  { id: 'anxiety', label: 'anxiety', synonyms: ['generalised anxiety disorder', 'gad', 'panic', 'panic attacks', 'social anxiety'] },
  { id: 'serious-mental-illness', label: 'serious mental illness', synonyms: ['smi', 'psychosis', 'schizophrenia', 'bipolar disorder', 'complex mental health needs'] },
  { id: 'dementia', label: 'dementia', synonyms: ['alzheimers', "alzheimer's disease", 'memory loss', 'cognitive impairment'] },
  { id: 'cancer', label: 'cancer', synonyms: ['living with cancer', 'cancer survivor'] },
  { id: 'long-covid', label: 'long COVID', synonyms: ['post covid syndrome', 'post-covid'] },
  { id: 'falls-risk', label: 'risk of falls', synonyms: ['falls', 'frailty', 'history of falls', 'unsteady'] },
  { id: 'learning-disability', label: 'learning disability', synonyms: ['learning disabilities', 'ld'] },
  { id: 'sight-loss', label: 'sight loss', synonyms: ['visual impairment', 'blind', 'partially sighted'] },
  { id: 'hearing-loss', label: 'hearing loss', synonyms: ['deaf', 'hard of hearing', 'hearing impairment'] },
  { id: 'parkinsons', label: "Parkinson's", synonyms: ["parkinson's disease", 'parkinsons disease', 'parkinson disease'] },
  { id: 'multiple-sclerosis', label: 'multiple sclerosis', synonyms: ['ms'] },
  { id: 'epilepsy', label: 'epilepsy', synonyms: ['seizures'] },
  { id: 'kidney-disease', label: 'kidney disease', synonyms: ['chronic kidney disease', 'ckd', 'renal disease', 'kidney failure'] },
  { id: 'autism', label: 'autism', synonyms: ['autistic', 'asd', 'autism spectrum disorder', "asperger's"] },
  { id: 'substance-misuse', label: 'alcohol or drug use', synonyms: ['substance misuse', 'drug use', 'alcohol misuse', 'alcohol dependence', 'addiction', 'recovery from addiction'] },
  { id: 'brain-injury', label: 'brain injury', synonyms: ['acquired brain injury', 'abi', 'traumatic brain injury', 'tbi', 'head injury'] },
] as const satisfies readonly Term[];

/**
 * Social and practical needs a client may have and an activity may support.
 *
 * @example
 * ```ts
 * NEEDS[0].id;                                      // 'loneliness'
 * NEEDS.find((n) => n.id === 'financial')?.label;   // 'money worries'
 * ```
 */
export const NEEDS = [
  { id: 'loneliness', label: 'loneliness', synonyms: ['lonely', 'social isolation', 'isolated', 'isolation'] },
  { id: 'confidence', label: 'confidence', synonyms: ['self esteem', 'low confidence', 'self confidence'] },
  { id: 'financial', label: 'money worries', synonyms: ['money', 'finances', 'poverty', 'low income', 'cost of living'] },
  { id: 'debt', label: 'debt', synonyms: ['debts', 'arrears', 'debt advice', 'bailiffs'] },
  { id: 'benefits', label: 'benefits', synonyms: ['welfare benefits', 'universal credit', 'pip', 'benefit claims', 'benefits advice'] },
  { id: 'housing', label: 'housing', synonyms: ['housing problems', 'homelessness', 'eviction', 'tenancy', 'housing advice'] },
  { id: 'legal', label: 'legal problems', synonyms: ['legal advice', 'law', 'legal'] },
  { id: 'employment', label: 'work and employment', synonyms: ['job', 'jobs', 'unemployment', 'work', 'employment support'] },
  { id: 'carers', label: 'support for carers', synonyms: ['carer', 'caring', 'carer support', 'unpaid carer'] },
  { id: 'bereavement', label: 'bereavement', synonyms: ['grief', 'loss', 'bereaved'] },
  // Food poverty only: eating well is `healthy-eating` (a cookery class is not a food bank).
  { id: 'food', label: 'food', synonyms: ['food poverty', 'food bank', 'hunger', 'food insecurity'] },
  { id: 'digital-skills', label: 'digital skills', synonyms: ['computer skills', 'getting online', 'digital inclusion'] },
  { id: 'physical-activity', label: 'getting more active', synonyms: ['get fit', 'exercise', 'fitness', 'be more active', 'inactivity'] },
  { id: 'weight', label: 'weight', synonyms: ['weight loss', 'lose weight', 'healthy weight'] },
  { id: 'mental-wellbeing', label: 'mental wellbeing', synonyms: ['stress', 'wellbeing', 'low mood', 'emotional wellbeing'] },
  { id: 'healthy-eating', label: 'healthy eating', synonyms: ['eating well', 'diet', 'nutrition', 'carb counting', 'carbohydrate counting'] },
] as const satisfies readonly Term[];

/**
 * Common activity tags. Tags outside this list are allowed and kept as slugs.
 *
 * @example
 * ```ts
 * TAGS[0].id;                                                      // 'gym'
 * TAGS.find((t) => t.id === 'swimming')?.synonyms.includes('aquafit'); // true
 * ```
 */
export const TAGS = [
  { id: 'gym', label: 'gym', synonyms: ['gyms', 'fitness suite', 'weights', 'gymnasium', 'leisure centre gym'] },
  { id: 'exercise-on-referral', label: 'exercise on referral', synonyms: ['exercise referral', 'gp referral scheme', 'exercise referral scheme', 'ers'] },
  { id: 'walking', label: 'walking', synonyms: ['walks', 'walking group', 'health walks', 'rambling', 'walk'] },
  { id: 'swimming', label: 'swimming', synonyms: ['swim', 'swimming lessons', 'aqua', 'aquafit', 'pool'] },
  { id: 'yoga', label: 'yoga', synonyms: ['chair yoga', 'gentle yoga'] },
  { id: 'tai-chi', label: 'tai chi', synonyms: ['taichi', 'qigong'] },
  { id: 'dancing', label: 'dancing', synonyms: ['dance', 'dance class', 'ballroom', 'line dancing', 'zumba'] },
  { id: 'chair-based', label: 'chair-based exercise', synonyms: ['seated exercise', 'chair exercise'] },
  { id: 'strength-and-balance', label: 'strength and balance', synonyms: ['falls prevention', 'balance', 'otago'] },
  { id: 'pulmonary-rehab', label: 'pulmonary rehabilitation', synonyms: ['breathing', 'lung health', 'healthy lungs', 'breathe easy', 'singing for lung health'] },
  { id: 'cardiac-rehab', label: 'cardiac rehabilitation', synonyms: ['heart rehab', 'cardiac rehab'] },
  { id: 'gardening', label: 'gardening', synonyms: ['garden', 'allotment', 'growing', 'horticulture', 'community garden'] },
  { id: 'beekeeping', label: 'beekeeping', synonyms: ['bee keeping', 'bee-keeping', 'bees', 'apiary', 'honey'] },
  { id: 'conservation', label: 'conservation', synonyms: ['green gym', 'nature conservation', 'volunteering outdoors'] },
  { id: 'cooking', label: 'cooking', synonyms: ['cookery', 'baking', 'healthy cooking', 'cook and eat'] },
  { id: 'art', label: 'art', synonyms: ['painting', 'drawing', 'arts', 'art class', 'sketching'] },
  { id: 'crafts', label: 'crafts', synonyms: ['craft', 'sewing', 'pottery', 'woodwork', 'mens shed', "men's shed"] },
  { id: 'knitting', label: 'knitting', synonyms: ['crochet', 'knit and natter', 'yarn'] },
  { id: 'photography', label: 'photography', synonyms: ['photos', 'camera', 'photo walk'] },
  { id: 'music', label: 'music', synonyms: ['instrument', 'guitar', 'ukulele', 'band'] },
  { id: 'singing', label: 'singing', synonyms: ['choir', 'sing', 'community choir'] },
  { id: 'bridge', label: 'bridge', synonyms: ['contract bridge', 'bridge club'] },
  // Cards only: board games, bingo and quizzes are other games ("games" alone names none of them).
  { id: 'card-games', label: 'card games', synonyms: ['cards', 'whist', 'card playing', 'rummy', 'cribbage', 'canasta'] },
  { id: 'board-games', label: 'board games', synonyms: ['boardgames', 'board game', 'chess', 'scrabble', 'dominoes'] },
  { id: 'book-club', label: 'book club', synonyms: ['reading group', 'reading', 'books', 'shared reading', 'book group'] },
  { id: 'bingo', label: 'bingo', synonyms: ['housey housey'] },
  { id: 'history', label: 'local history', synonyms: ['history', 'heritage'] },
  { id: 'volunteering', label: 'volunteering', synonyms: ['volunteer', 'helping others'] },
  { id: 'peer-support', label: 'peer support', synonyms: ['support group', 'self help group', 'peer group'] },
  { id: 'mindfulness', label: 'mindfulness', synonyms: ['meditation', 'relaxation'] },
  { id: 'advice', label: 'advice', synonyms: ['advice service', 'citizens advice', 'advice session'] },
  { id: 'computers', label: 'computers', synonyms: ['computer', 'internet', 'it skills', 'tablets', 'smartphone'] },
  { id: 'men-only', label: 'men only', synonyms: ['for men', 'mens group'] },
  { id: 'women-only', label: 'women only', synonyms: ['for women', 'ladies only', 'womens group'] },
  { id: 'supported', label: 'supported', synonyms: ['staff supported', 'accompanied', 'with support'] },
  { id: 'outdoors', label: 'outdoors', synonyms: ['outdoor', 'outside', 'fresh air', 'park'] },
  // Derived from groupSize 'large' when a catalogue is compiled, so clients can avoid crowds.
  { id: 'large-group', label: 'large groups', synonyms: ['big groups', 'crowds', 'crowded', 'busy places', 'large classes'] },
] as const satisfies readonly Term[];

/**
 * Groups of people a service may be only for, beyond conditions, needs, age and gender: a
 * client is matched to such a service only when their profile lists the group (`groups`).
 * Carers, bereaved or homeless people are needs (`carers`, `bereavement`, `housing`); men,
 * women, older and young people are eligibility (genders, ages).
 *
 * @example
 * ```ts
 * AUDIENCE_GROUPS.map((g) => g.id); // ['lgbtq', 'veterans', 'refugees', 'care-leavers', 'ethnic-minorities', 'parents', 'non-swimmers']
 * ```
 */
export const AUDIENCE_GROUPS = [
  { id: 'lgbtq', label: 'LGBTQ+ people', synonyms: ['lgbtq+', 'lgbt', 'lgbtqia', 'lgbtqia+', 'gay', 'lesbian', 'bisexual', 'trans', 'transgender', 'queer'] },
  { id: 'veterans', label: 'armed forces veterans', synonyms: ['veteran', 'ex forces', 'ex-services', 'armed forces', 'ex service personnel', 'forces veterans'] },
  { id: 'refugees', label: 'refugees and asylum seekers', synonyms: ['refugee', 'asylum seekers', 'asylum seeker', 'migrants', 'new arrivals'] },
  { id: 'care-leavers', label: 'care leavers', synonyms: ['care leaver', 'leaving care', 'care experienced'] },
  { id: 'ethnic-minorities', label: 'people from ethnic minority communities', synonyms: ['bame', 'black and minority ethnic', 'ethnic minority', 'ethnic minorities', 'global majority', 'south asian', 'african caribbean'] },
  { id: 'parents', label: 'parents and families', synonyms: ['parent', 'families', 'family', 'mums', 'dads', 'parents and carers of children'] },
  // A skill the service is only for people without ("for adults who cannot swim"): stated, never assumed.
  { id: 'non-swimmers', label: 'adults who cannot swim', synonyms: ['non swimmer', 'non swimmers', 'cannot swim', "can't swim", 'learning to swim', 'learn to swim'] },
] as const satisfies readonly Term[];

/** Canonical category ids. */
export type Category = (typeof CATEGORIES)[number]['id'];
/** Canonical condition ids. */
export type Condition = (typeof CONDITIONS)[number]['id'];
/** Canonical need ids. */
export type Need = (typeof NEEDS)[number]['id'];
/** Canonical audience group ids. */
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number]['id'];
