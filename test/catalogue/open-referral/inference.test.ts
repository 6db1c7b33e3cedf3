import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/errors.js';
import { addCategoryScores, addDeliverableScores, inferFields } from '../../../src/catalogue/open-referral/inference.js';
import type { TextSources } from '../../../src/catalogue/open-referral/inference.js';
import { resolveKeyword, scanText } from '../../../src/vocabulary/keywords.js';

const infer = (text: TextSources, keywords: string[] = []) => {
  const issues: ValidationIssue[] = [];
  return { ...inferFields(text, keywords, 'contents[0]', issues), issues };
};

describe('resolveKeyword (directory keywords onto the vocabularies)', () => {
  it.each([
    ['an exact category synonym', 'Mental Health', ['categories:mental-wellbeing:exact', 'needs:mental-wellbeing:exact']],
    ['a directory phrase from the extra keywords', 'Sport and Leisure', ['categories:physical-activity:exact']],
    ['a hierarchical term, by its parts', 'Health > Lung conditions', ['conditions:copd:exact', 'conditions:asthma:exact']],
    ['a phrase inside a longer term', 'Dementia Friendly', ['conditions:dementia:phrase']],
    ['a closed-up spelling', 'Bee-keeping', ['tags:beekeeping:exact']],
    ['a typo, fuzzily', 'Beekeping', ['tags:beekeeping:fuzzy']],
    ['a typo of a tag synonym, fuzzily', 'helthy lungs', ['tags:pulmonary-rehab:fuzzy']],
    ['a typo of a phrase, fuzzily', 'walkin grup', ['tags:walking:fuzzy']],
    ['nothing close', 'Older People', []],
    ['a short word never fuzzily ("name" is not "games")', 'name', []],
  ])('%s: %j', (_name, keyword, hits) => {
    expect(resolveKeyword(keyword).map((h) => `${h.vocabulary}:${h.id}:${h.via}`)).toEqual(hits);
  });

  it('never matches a category fuzzily', () => {
    expect(resolveKeyword('Befriendng').map((h) => h.vocabulary)).not.toContain('categories');
  });
});

describe('scanText (prose onto conditions, needs and tags)', () => {
  const hits = (text: string) => [...new Set(scanText(text).map((h) => `${h.vocabulary}:${h.id}@${h.sentence}`))];

  it.each([
    ['finds conditions and the sentence they are in', 'Singing for lung health. For people with COPD or asthma.', ['tags:pulmonary-rehab@0', 'conditions:copd@1', 'conditions:asthma@1']],
    ['skips forms that mean something else in prose', 'A short walk from the station; weight-bearing exercise; bring your tablets.', ['needs:physical-activity@1']],
    ['reads "bee keeping" as beekeeping', 'Bee keeping on the allotment.', ['tags:beekeeping@0', 'tags:gardening@0']],
    ['reads "green gym" as conservation, not a gym', 'Join our green gym.', ['tags:conservation@0']],
    ['reads walking football as its own tag, not walking', 'Walking football for over 50s.', ['tags:walking-football@0']],
    ['keeps nested phrases of other vocabularies', 'Weight loss support for people with type 2 diabetes.', ['needs:weight@0', 'conditions:type-2-diabetes@0']],
  ])('%s', (_name, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });
});

describe('inferFields', () => {
  describe('category', () => {
    it('takes a category named by a taxonomy term, not inferred', () => {
      const r = infer({ name: 'Tuesday group', description: 'Knitting and a chat.' }, ['Befriending']);
      expect(r.category).toBe('befriending');
      expect(r.inferred).not.toContain('category');
    });

    it('ranks several taxonomy categories by the text', () => {
      expect(infer({ name: 'Allotment project', description: 'Grow vegetables on our allotment.' }, ['Learning', 'Gardening']).category).toBe('nature');
    });

    it.each([
      ['Community Counselling', 'Counselling for anxiety and depression.', 'mental-wellbeing'],
      ['Debt advice drop-in', 'Free advice from trained advisers.', 'practical-support'],
      ['Telephone befriending', 'A volunteer rings you every week.', 'befriending'],
      ['Chair yoga', 'Seated yoga.', 'physical-activity'],
      ['Men\'s Shed', 'Woodwork and repairs.', 'creative'],
      ['Green gym', 'Conservation volunteering outdoors.', 'nature'],
      ['Coffee morning', 'Meet new people over a cuppa.', 'social'],
      ['Healthy lungs course', 'A self management course for people with COPD.', 'health-education'],
    ])('infers %j → %s from the words (name counts three times)', (name, description, category) => {
      const r = infer({ name, description });
      expect(r.category).toBe(category);
      expect(r.inferred).toContain('category');
    });

    // Round 2 (tuned on both labelled sets): what a service teaches or is about decides over the
    // form it takes.
    it.each([
      ['Conversation café', 'Practise your English over a cup of tea. All levels welcome.', 'learning'],
      ['Digital help at home', 'A volunteer visits you at home to help you with your smartphone or laptop.', 'learning'],
      ['Community growing', 'Grow food and get some fresh air with us.', 'nature'],
      ['Forest walk', 'A slow walk among the trees, listening to birdsong.', 'nature'],
      ['Memory café', 'Music, reminiscence and advice from a dementia adviser.', 'social'],
      ['Cook and eat', 'A six-week cooking course: healthy meals on a budget.', 'health-education'],
      ['Community larder', 'Members pay £5 a week for food and household essentials.', 'practical-support'],
      ['Work club', 'Help with CVs, job searching and interview practice.', 'practical-support'],
      // Bowls are played with "woods": a weak nature cue does not outweigh the game.
      ['Park bowling club', 'Crown green bowls. Woods to borrow.', 'physical-activity'],
    ])('infers %j → %s from what it is about', (name, description, category) => {
      expect(infer({ name, description }).category).toBe(category);
    });

    it('counts a cue once however often the text repeats it', () => {
      const once = new Map();
      addCategoryScores('Chat, chat and more chat.', 1, once);
      expect(Object.fromEntries(once)).toEqual({ social: 0.5 });
    });

    it('reads no category into a condition, a profession or a public service that holds a cue word', () => {
      const scores = new Map();
      addCategoryScores('For adults with learning disabilities, their social workers and social care staff; tackling social isolation.', 1, scores);
      expect(Object.fromEntries(scores)).toEqual({});
      expect(infer({ name: 'Friday disco (adults with learning disabilities)', description: 'Monthly disco. Carers free.' }).category).toBe('social');
    });

    it('reads a deliverable_type term whole and by its parts, each once', () => {
      const scores = new Map();
      addDeliverableScores(['Information and advice', 'Advice', 'Arts & crafts', 'Peer group'], scores);
      expect(Object.fromEntries(scores)).toEqual({ 'health-education': 0.5, 'practical-support': 3, creative: 3 });
      expect(infer({ name: 'Carers line', description: 'A listening ear for unpaid carers.', deliverable: ['Information and advice'] }).category).toBe('practical-support');
    });

    it('lets a deliverable_type that names the kind of service outweigh weak description cues', () => {
      expect(infer({ name: 'Riverside Hub', description: 'A friendly group: meet new people.', deliverable: ['Employment support'] }).category).toBe('practical-support');
      expect(infer({ name: 'Riverside Hub', description: 'A friendly group: meet new people.', deliverable: ['Befriending'] }).category).toBe('befriending');
      // A nudge stays a nudge: "Physical activity" on a nature walk.
      expect(infer({ name: 'Nature walks', description: 'Spot wildlife along the river.', deliverable: ['Physical activity'] }).category).toBe('nature');
    });

    it("falls back to 'social' with a warning when nothing names a category", () => {
      const r = infer({ name: 'The Thursday Thing', description: 'Come along.' });
      expect(r.category).toBe('social');
      expect(r.inferred).toContain('category');
      expect(r.issues).toEqual([{ path: 'contents[0]', message: "no taxonomy term or words matched a category: category set to 'social'" }]);
    });
  });

  describe('intensity', () => {
    it.each([
      ['gentle beats vigorous words', { name: 'Gentle circuits', description: 'Circuit training at a slower pace.' }, 'light'],
      ['a negated cue does not count', { name: 'Walking football', description: 'A slower game with no running or tackling.' }, 'light'],
      ['vigorous', { name: 'Bootcamp', description: 'High intensity interval training.' }, 'vigorous'],
      ['moderate', { name: 'Aqua fitness', description: 'Swimming pool exercise class.' }, 'moderate'],
      ['light walking', { name: 'Health walk', description: 'An hour around the park.' }, 'light'],
      ['none for a resting category', { name: 'Debt advice', description: 'Help with debts.' }, 'none'],
      ['light for a resting category whose name moves', { name: 'Tea dance', description: 'Afternoon tea dance with live music at the social club.' }, 'light'],
    ])('%s', (_name, text, intensity) => {
      const r = infer(text);
      expect(r.intensity).toBe(intensity);
      expect(r.inferred).toContain('intensity');
    });

    it('is left unknown for physical activity without a cue', () => {
      const r = infer({ name: 'Sports club', description: 'Come and play.' });
      expect(r.category).toBe('physical-activity');
      expect(r.intensity).toBeUndefined();
      expect(r.inferred).not.toContain('intensity');
    });
  });

  describe('group size and supported start', () => {
    it.each([
      ['groups of up to 6', 'small'],
      ['maximum of 12 people', 'medium'],
      ['40 places', 'large'],
      ['one-to-one appointments', 'one-to-one'],
      ['a small friendly group', 'small'],
      ['a large class', 'large'],
      ['everyone welcome', undefined],
    ])('%j → %j', (phrase, size) => {
      expect(infer({ name: 'Art club', description: `Painting, ${phrase}.` }).groupSize).toBe(size);
    });

    it('makes befriending one-to-one when the text does not say', () => {
      expect(infer({ name: 'Befriending', description: 'Weekly visits.' }).groupSize).toBe('one-to-one');
    });

    it.each([
      ['A volunteer will meet you at the gate.', true],
      ['Go at your own pace.', true],
      ['A supported walk.', true],
      ['This project is supported by the National Lottery.', undefined],
    ])('%j → supported %j', (description, supported) => {
      expect(infer({ name: 'Walk', description }).supported).toBe(supported);
    });
  });

  describe('conditions and needs', () => {
    it('reads conditions in a "for people with" sentence as designed for, and in a "not suitable" sentence as unsuitable', () => {
      const r = infer({ name: 'Chair yoga', description: 'For people with arthritis or a history of falls. Not suitable for people with unstable angina.' });
      expect(r.designedFor).toEqual(['arthritis', 'falls-risk']);
      expect(r.unsuitableFor).toEqual(['heart-disease']);
      expect(r.inferred).toEqual(expect.arrayContaining(['conditions.designedFor', 'conditions.unsuitableFor']));
    });

    it('reads the eligibility description too', () => {
      expect(infer({ name: 'Shed', description: 'Woodwork.', eligibility: 'Not suitable for people with advanced dementia.' }).unsuitableFor).toEqual(['dementia']);
    });

    it('ignores a condition merely mentioned', () => {
      expect(infer({ name: 'Book club', description: 'This month we read a novel about dementia.' }).designedFor).toEqual([]);
    });

    it('keeps a condition both designed for and unsuitable as designed for, with a warning', () => {
      const r = infer({ name: 'Heart health course', description: 'For people living with heart failure. Not suitable for people with unstable angina.' });
      expect(r.designedFor).toEqual(['heart-disease']);
      expect(r.unsuitableFor).toEqual([]);
      expect(r.inferred).not.toContain('conditions.unsuitableFor');
      expect(r.issues).toEqual([{ path: 'contents[0]', message: 'the text says both designed for and unsuitable for a condition: kept as designed for; check the description' }]);
    });

    it('takes conditions and needs from taxonomy terms as data, not inference', () => {
      const r = infer({ name: 'Support group', description: 'Monthly meetings.' }, ['Dementia', 'Carers']);
      expect(r.designedFor).toEqual(['dementia']);
      expect(r.needs).toEqual(['carers']);
      expect(r.inferred).not.toContain('conditions.designedFor');
      expect(r.inferred).not.toContain('needs');
    });

    it('reads needs anywhere in the text', () => {
      const r = infer({ name: 'Lunch club', description: 'Meet new people if you feel lonely; help with debts and universal credit.' });
      expect(r.needs).toEqual(['loneliness', 'debt', 'benefits']);
      expect(r.inferred).toContain('needs');
    });
  });

  describe('tags', () => {
    it('keeps unresolved taxonomy terms as open tags (data) and adds tags from the words (inferred)', () => {
      const r = infer({ name: 'Chair yoga', description: 'Seated yoga.' }, ['Older People']);
      expect(r.tags).toEqual(['older-people', 'yoga']);
      expect(r.inferred).toContain('tags');
    });

    it('marks tags from a fuzzy taxonomy match as inferred', () => {
      expect(infer({ name: 'Group', description: 'Weekly.' }, ['Beekeping']).inferred).toContain('tags');
    });
  });

  it('lists inferred fields in a fixed order', () => {
    const r = infer({ name: 'Singing for Lung Health', description: 'A small, supported group for people living with COPD. Not suitable for people with unstable angina.' });
    expect(r.inferred).toEqual(['category', 'tags', 'intensity', 'groupSize', 'supported', 'conditions.designedFor', 'conditions.unsuitableFor']);
  });
});
