/**
 * Location accessibility text (HSDS 3.0 `accessibility[].description/details`, UK
 * `accessibility[].accessibility`, UK v1 `accessibility_for_disabilities[]`) to the
 * activity's `accessibility` flags. Every flag read from text is *inferred*.
 *
 * Each clause of the text (split at sentence ends, semicolons, commas and "but") is checked
 * for a negative cue first ("no wheelchair access", "steps to the entrance"), then a positive
 * one ("wheelchair accessible", "level access", "induction loop"). A flag with both a
 * positive and a negative clause stays unknown. "Upstairs" and "no lift" anywhere in the text
 * mean no step-free access. Then:
 * - known wheelchair access implies step-free access when that is not stated;
 * - known steps imply no wheelchair access when that is not stated.
 *
 * @module
 */
import type { ActivityInput } from '../../schema/activity.js';
import { foldText } from '../../vocabulary/index.js';
import { isObject, listOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';
import { stripHtml } from './html.js';

/** The activity's accessibility flags, as input. */
export type AccessibilityInput = NonNullable<ActivityInput['accessibility']>;
type Flag = keyof AccessibilityInput;

/** Cues per flag, on folded text (lower case, punctuation as spaces). Negative cues are checked first. */
export const ACCESSIBILITY_CUES: Readonly<Record<Flag, { readonly no: RegExp; readonly yes: RegExp; readonly textNo?: readonly [RegExp, RegExp] }>> = {
  wheelchair: {
    no: /\b(no|not|isnt|without|unfortunately)( \w+){0,3} wheelchair\b|\bno disabled access\b|\bnot (fully )?(wheelchair )?accessible\b(?! (toilet|wc|loo))|\binaccessible\b/,
    yes: /\bwheelchair (access|accessible|friendly|users? (are )?welcome)|\baccessible (for|to) wheelchair|\bsuitable for wheelchair|\bdisabled access\b|\bfully accessible\b/,
  },
  stepFree: {
    no: /\b(no|not|isnt)( \w+){0,2} (step free|level access)\b|(?<!\b(no|without) )\b(\d+|a|one|two|three|four|five|few|some|several|small) steps?\b(?! free).*\b(entrance|door|up|down|into)\b|\b(entrance|door)\b.*(?<!\b(no|without) )\bsteps?\b(?! free)|\bstairs only\b|\bonly by stairs\b|\bno lift\b.*\b(upstairs|first floor|second floor|stairs)\b|\b(upstairs|first floor|second floor)\b.*\bno lift\b/,
    yes: /\bstep free\b|\blevel access\b|\bramp(ed)?\b|\blift (to|access)\b|\bfully accessible\b|\bdisabled access\b|\b(no|without) (steps|stairs)\b/,
    // Upstairs with no lift, across clauses ("Upstairs room, there is no lift").
    textNo: [/\b(upstairs|first floor|second floor)\b/, /\bno lift\b/],
  },
  hearingLoop: {
    no: /\bno (hearing|induction) loop/,
    yes: /\b(hearing|induction|audio) loops?\b|\bloop system\b/,
  },
  accessibleToilet: {
    no: /\bno (accessible|disabled) (toilet|wc|loo)/,
    yes: /\b(accessible|disabled|wheelchair accessible) (toilets?|wc|loos?)\b|\bchanging places\b/,
  },
};

const FLAGS = Object.keys(ACCESSIBILITY_CUES) as Flag[];

/**
 * Accessibility flags from free text.
 *
 * @example
 * ```ts
 * accessibilityFromText('The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.');
 * // { wheelchair: true, stepFree: true, hearingLoop: true }
 * accessibilityFromText('Three steps up to the front door, no accessible toilet.');
 * // { wheelchair: false, stepFree: false, accessibleToilet: false }
 * ```
 */
export function accessibilityFromText(text: string): AccessibilityInput {
  const plain = stripHtml(text);
  const clauses = plain.split(/[.;!?\n,]+|\bbut\b|\bhowever\b/i).map(foldText).filter((c) => c !== '');
  const whole = foldText(plain);
  const found: AccessibilityInput = {};
  for (const flag of FLAGS) {
    const { no, yes, textNo } = ACCESSIBILITY_CUES[flag];
    let sawNo = textNo !== undefined && textNo.every((re) => re.test(whole));
    let sawYes = false;
    for (const clause of clauses) {
      if (no.test(clause)) sawNo = true;
      else if (yes.test(clause)) sawYes = true;
    }
    if (sawNo !== sawYes) found[flag] = sawYes;
  }
  if (found.wheelchair === true && found.stepFree === undefined) found.stepFree = true;
  if (found.stepFree === false && found.wheelchair === undefined) found.wheelchair = false;
  return found;
}

/**
 * The accessibility text of an HSDS location, in feed order.
 *
 * @example
 * ```ts
 * accessibilityText({ accessibility: [{ description: 'Level access.', details: 'Ramp at the side door.' }] });
 * // 'Level access.\nRamp at the side door.'
 * ```
 */
export function accessibilityText(location: JsonObject): string {
  const parts: string[] = [];
  for (const row of [...listOf(location.accessibility), ...listOf(location.accessibility_for_disabilities)]) {
    if (typeof row === 'string') parts.push(row);
    if (!isObject(row)) continue;
    for (const key of ['description', 'accessibility', 'details']) {
      const t = textOf(row[key]);
      if (t !== undefined && !parts.includes(t)) parts.push(t);
    }
  }
  return parts.join('\n');
}
