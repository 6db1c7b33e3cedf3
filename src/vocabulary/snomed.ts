/**
 * SNOMED CT concept ids for the vocabulary's conditions and needs, so a profile exported from a
 * GP system (which codes problems, not words) can give `conditions: ['13645005']` for COPD.
 *
 * **Exact concepts only.** Each id below is a concept taken from a published source (the
 * `source` of each row, listed in {@link SNOMED_CT_SOURCES}); none is guessed. A concept not in
 * the table, a more specific one included ("Acute exacerbation of COPD"), is not recognised:
 * the matcher has no SNOMED CT hierarchy to find its parent. Strictly, it is rejected like any
 * unknown term; with `parseClientProfile(input, { lenient: true })` it is kept as unrecognised
 * with a warning. Terms without a row (chronic pain, osteoporosis, long COVID, sight and hearing
 * loss, most needs) have no concept id verified from a source yet: give their words.
 *
 * SNOMED CT is copyright © International Health Terminology Standards Development Organisation
 * (SNOMED International); the ids are used here only to recognise codes a caller already holds.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import { vocabularies } from './index.js';
import type { Condition, Need } from './terms.js';
import type { Vocabulary } from './normalise.js';

/**
 * Where the concept ids come from: published FHIR implementation guides that list them with
 * their displays. Each row of {@link SNOMED_CT} names one of these.
 *
 * @example
 * ```ts
 * SNOMED_CT_SOURCES['hl7-sdoh-cc']; // 'HL7 SDOH Clinical Care IG, examples (https://hl7.org/fhir/us/sdoh-clinicalcare/…'
 * ```
 */
export const SNOMED_CT_SOURCES = {
  'hl7-covid19-library': 'HL7 COVID-19 FHIR Profile Library IG, underlying condition value sets (https://build.fhir.org/ig/HL7/fhir-COVID19Library-ig/ValueSet-covid19-underlying-neurolgic-condition-value-set.html and the cardiovascular, respiratory, metabolic, renal, immune, immunocompromised, uncategorized and medical-condition sets beside it; source: github.com/HL7/fhir-COVID19Library-ig, input/fsh/CV19-ValueSets.fsh)',
  'hl7-saner': 'HL7 SANER IG, ValueSet ObesityCOVID19RiskFactors (https://hl7.org/fhir/uv/saner/ValueSet-ObesityCOVID19RiskFactors.html)',
  'hl7-cpg': 'HL7 FHIR Clinical Guidelines IG, ValueSet ckd-valueset-ckd (https://hl7.org/fhir/uv/cpg/STU1/ValueSet-ckd-valueset-ckd.html)',
  'hl7-eu-condition-stage': 'HL7 Europe base R5, Condition Stage comparison (https://build.fhir.org/ig/hl7-eu/base-r5/ips-comparison-v2.0.0/vs-condition-stage-condition-stage-union.html)',
  'shift-sls': 'SHIFT SLS Reference Implementation Guide, ValueSets mental-health-conditions and behavioral-health-multi-topic (https://build.fhir.org/ig/SHIFT-Task-Force/sls-ri-ig/ValueSet-mental-health-conditions.html, https://build.fhir.org/ig/SHIFT-Task-Force/sls-ri-ig/ValueSet-behavioral-health-multi-topic.html)',
  'hl7-sdoh-cc': 'HL7 SDOH Clinical Care IG, examples (https://hl7.org/fhir/us/sdoh-clinicalcare/Observation-SDOHCC-ObservationAssessmentSocialIsolationExample.html; Condition examples for food insecurity, homelessness and unemployment, source: github.com/HL7/fhir-sdoh-clinicalcare, input/fsh/instances/SDOHCC-Condition*Example.fsh)',
} as const;

/** A source key of {@link SNOMED_CT_SOURCES}. */
export type SnomedSource = keyof typeof SNOMED_CT_SOURCES;

/** One concept id: the vocabulary term it stands for, the concept's display as the source gives it, and the source. */
export interface SnomedMapping {
  readonly conceptId: string;
  readonly display: string;
  readonly source: SnomedSource;
}

type Table<Id extends string> = Readonly<Partial<Record<Id, readonly (readonly [conceptId: string, display: string, source: SnomedSource])[]>>>;

const CONDITION_CONCEPTS: Table<Condition> = {
  asthma: [['195967001', 'Asthma (disorder)', 'hl7-covid19-library']],
  copd: [
    ['13645005', 'Chronic obstructive lung disease (disorder)', 'hl7-covid19-library'],
    ['63480004', 'Chronic bronchitis (disorder)', 'hl7-covid19-library'],
    ['87433001', 'Pulmonary emphysema (disorder)', 'hl7-covid19-library'],
  ],
  'type-1-diabetes': [['46635009', 'Diabetes mellitus type 1 (disorder)', 'hl7-covid19-library']],
  'type-2-diabetes': [['44054006', 'Diabetes mellitus type 2 (disorder)', 'hl7-covid19-library']],
  'heart-disease': [
    ['84114007', 'Heart failure (disorder)', 'hl7-covid19-library'],
    ['42343007', 'Congestive heart failure (disorder)', 'hl7-covid19-library'],
    ['53741008', 'Coronary arteriosclerosis (disorder)', 'hl7-covid19-library'],
    ['22298006', 'Myocardial infarction (disorder)', 'hl7-covid19-library'],
    ['399211009', 'History of - myocardial infarction (situation)', 'hl7-covid19-library'],
    ['85898001', 'Cardiomyopathy (disorder)', 'hl7-covid19-library'],
  ],
  hypertension: [['38341003', 'Hypertensive disorder, systemic arterial (disorder)', 'hl7-covid19-library']],
  stroke: [
    ['230690007', 'Cerebrovascular accident (disorder)', 'hl7-covid19-library'],
    ['275526006', 'History of - cerebrovascular accident (situation)', 'hl7-covid19-library'],
    ['266257000', 'Transient cerebral ischemia (disorder)', 'hl7-covid19-library'],
    ['161511000', 'History of - transient ischemic attack (situation)', 'hl7-covid19-library'],
  ],
  arthritis: [
    ['69896004', 'Rheumatoid arthritis (disorder)', 'hl7-covid19-library'],
    ['156370009', 'Psoriatic arthritis (disorder)', 'hl7-covid19-library'],
  ],
  obesity: [
    ['414916001', 'Obesity (disorder)', 'hl7-saner'],
    ['238136002', 'Morbid obesity (disorder)', 'hl7-covid19-library'],
    ['414915002', 'Obese (finding)', 'hl7-covid19-library'],
  ],
  depression: [['35489007', 'Depressive disorder', 'shift-sls']],
  anxiety: [['197480006', 'Anxiety disorder', 'shift-sls']],
  'serious-mental-illness': [['58214004', 'Schizophrenia', 'shift-sls']],
  dementia: [
    ['52448006', 'Dementia (disorder)', 'hl7-covid19-library'],
    ['26929004', "Alzheimer's disease (disorder)", 'hl7-covid19-library'],
    ['429998004', 'Vascular dementia (disorder)', 'hl7-covid19-library'],
    ['56267009', 'Multi-infarct dementia (disorder)', 'hl7-covid19-library'],
    ['230270009', 'Frontotemporal dementia (disorder)', 'hl7-covid19-library'],
    ['312991009', 'Senile dementia of the Lewy body type (disorder)', 'hl7-covid19-library'],
    ['386806002', 'Impaired cognition (finding)', 'hl7-covid19-library'],
  ],
  cancer: [
    ['363346000', 'Malignant neoplastic disease (disorder)', 'hl7-covid19-library'],
    ['128462008', 'Secondary malignant neoplastic disease (disorder)', 'hl7-covid19-library'],
    ['254837009', 'Malignant neoplasm of breast (disorder)', 'hl7-covid19-library'],
    ['399068003', 'Malignant tumor of prostate (disorder)', 'hl7-covid19-library'],
    ['781382000', 'Malignant neoplasm of colon and/or rectum (disorder)', 'hl7-covid19-library'],
    ['363418001', 'Malignant tumor of pancreas (disorder)', 'hl7-covid19-library'],
    ['428061005', 'Malignant neoplasm of brain (disorder)', 'hl7-covid19-library'],
    ['372244006', 'Malignant melanoma (disorder)', 'hl7-covid19-library'],
    ['118600007', 'Malignant lymphoma (disorder)', 'hl7-covid19-library'],
    ['93143009', 'Leukemia, disease (disorder)', 'hl7-covid19-library'],
    ['109989006', 'Multiple myeloma (disorder)', 'hl7-covid19-library'],
  ],
  'learning-disability': [['110359009', 'Intellectual disability (disorder)', 'hl7-covid19-library']],
  parkinsons: [
    ['49049000', "Parkinson's disease (disorder)", 'hl7-covid19-library'],
    ['32798002', 'Parkinsonism (disorder)', 'hl7-covid19-library'],
  ],
  'multiple-sclerosis': [['24700007', 'Multiple sclerosis (disorder)', 'hl7-covid19-library']],
  epilepsy: [
    ['84757009', 'Epilepsy (disorder)', 'hl7-covid19-library'],
    ['128613002', 'Seizure disorder (disorder)', 'hl7-covid19-library'],
  ],
  'kidney-disease': [
    ['709044004', 'Chronic kidney disease (disorder)', 'hl7-cpg'],
    ['723190009', 'Chronic renal insufficiency (disorder)', 'hl7-covid19-library'],
    ['46177005', 'End-stage renal disease (disorder)', 'hl7-covid19-library'],
    ['90708001', 'Kidney disease (disorder)', 'hl7-covid19-library'],
    ['431855005', 'Chronic kidney disease stage 1 (disorder)', 'hl7-eu-condition-stage'],
    ['431856006', 'Chronic kidney disease stage 2 (disorder)', 'hl7-eu-condition-stage'],
    ['433144002', 'Chronic kidney disease stage 3 (disorder)', 'hl7-eu-condition-stage'],
    ['431857002', 'Chronic kidney disease stage 4 (disorder)', 'hl7-eu-condition-stage'],
    ['433146000', 'Chronic kidney disease stage 5 (disorder)', 'hl7-eu-condition-stage'],
  ],
  autism: [
    ['408856003', 'Autistic disorder (disorder)', 'hl7-covid19-library'],
    ['23560001', "Asperger's disorder (disorder)", 'hl7-covid19-library'],
    ['35919005', 'Pervasive developmental disorder (disorder)', 'hl7-covid19-library'],
  ],
  'substance-misuse': [['66214007', 'Substance abuse (disorder)', 'shift-sls']],
  'brain-injury': [
    ['127295002', 'Traumatic brain injury (disorder)', 'hl7-covid19-library'],
    ['88611000119100', 'History of traumatic brain injury (situation)', 'hl7-covid19-library'],
  ],
};

const NEED_CONCEPTS: Table<Need> = {
  loneliness: [['422650009', 'Social isolation', 'hl7-sdoh-cc']],
  food: [['733423003', 'Food insecurity', 'hl7-sdoh-cc']],
  housing: [['32911000', 'Homeless', 'hl7-sdoh-cc']],
  employment: [['73438004', 'Unemployed', 'hl7-sdoh-cc']],
};

function rows<Id extends string>(table: Table<Id>): Readonly<Record<string, readonly SnomedMapping[]>> {
  return Object.fromEntries(Object.entries(table).map(([term, list]) => [term, (list as Table<Id>[Id] & object).map(([conceptId, display, source]) => ({ conceptId, display, source }))]));
}

/**
 * The mapping table: for each condition and need, the SNOMED CT concepts that stand for it, with
 * their displays and sources. Documented in the README ("SNOMED CT concept ids").
 *
 * @example
 * ```ts
 * SNOMED_CT.conditions.copd?.[0];  // { conceptId: '13645005', display: 'Chronic obstructive lung disease (disorder)', source: 'hl7-covid19-library' }
 * SNOMED_CT.needs.loneliness?.[0].conceptId; // '422650009'
 * ```
 */
export const SNOMED_CT: { readonly conditions: Readonly<Partial<Record<Condition, readonly SnomedMapping[]>>>; readonly needs: Readonly<Partial<Record<Need, readonly SnomedMapping[]>>> } = {
  conditions: rows(CONDITION_CONCEPTS),
  needs: rows(NEED_CONCEPTS),
};

/** A concept id as a caller may write it: the bare id, or FHIR's `http://snomed.info/sct|<id>`. */
const CONCEPT_ID = /^\s*(?:http:\/\/snomed\.info\/sct\|)?(\d{6,18})\s*$/;

function index<Id extends string>(table: Table<Id>): ReadonlyMap<string, Id> {
  const map = new Map<string, Id>();
  for (const [term, list] of Object.entries(table) as [Id, Table<Id>[Id]][]) for (const [conceptId] of list ?? []) map.set(conceptId, term);
  return map;
}

const conditionByConcept = index(CONDITION_CONCEPTS);
const needByConcept = index(NEED_CONCEPTS);

/**
 * The condition or need a SNOMED CT concept id stands for, if the table has it; `undefined` for
 * anything else (text, or a concept the table does not list).
 *
 * @example
 * ```ts
 * snomedTerm('conditions', '13645005');                        // 'copd'
 * snomedTerm('conditions', 'http://snomed.info/sct|24700007'); // 'multiple-sclerosis'
 * snomedTerm('needs', '733423003');                            // 'food'
 * snomedTerm('conditions', '73211009');                        // undefined: diabetes of no stated type
 * ```
 */
export function snomedTerm(kind: 'conditions' | 'needs', text: string): string | undefined {
  if (kind !== 'conditions' && kind !== 'needs') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'kind', message: "expected 'conditions' or 'needs'" }]);
  if (typeof text !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'text', message: 'expected text (a string)' }]);
  return conceptTerm(kind, text);
}

/** {@link snomedTerm} on arguments already known to be right. */
function conceptTerm(kind: 'conditions' | 'needs', text: string): string | undefined {
  if (text.length > 200) return undefined;
  const id = CONCEPT_ID.exec(text)?.[1];
  if (id === undefined) return undefined;
  return (kind === 'conditions' ? conditionByConcept : needByConcept).get(id);
}

/** Whether `text` is written as a SNOMED CT concept id (whether or not the table knows it). */
export function isConceptId(text: string): boolean {
  return text.length <= 200 && CONCEPT_ID.test(text);
}

/** `vocabulary`, also recognising the SNOMED CT concept ids of its terms (exact lookup only; fuzzy matching is for words). */
export function withConceptIds(vocabulary: Vocabulary, kind: 'conditions' | 'needs'): Vocabulary {
  return { ...vocabulary, lookup: (text: string) => vocabulary.lookup(text) ?? conceptTerm(kind, text) };
}

/** The condition and need vocabularies as client profiles and activity records read them: words, or SNOMED CT concept ids. */
export const CLINICAL_VOCABULARIES = {
  conditions: withConceptIds(vocabularies.conditions, 'conditions'),
  needs: withConceptIds(vocabularies.needs, 'needs'),
} as const;
