/**
 * How a service is delivered: at a venue, by phone, online or at home (a visit), from the UK
 * profile's `attending_type` ("Venue", "Phone, Online, Venue", `["Venue", "Online"]`, "Home
 * visit"), schedule rows' `attending_type`, or, when the feed gives none, the description.
 *
 * `attending_type` is read term by term, in its order (the first is the main mode):
 *
 * | mode | terms |
 * |---|---|
 * | venue | venue, in person, face to face, drop in, building, centre, group (a place) |
 * | phone | phone, telephone, helpline, by phone |
 * | online | online, video, virtual, web, internet, remote, digital |
 * | home | home visit, home, outreach, domiciliary, in your home |
 *
 * From text, **contact channels are never modes** ({@link CONTACT_CHANNELS} are removed before
 * the mode cues are read): "Telephone: 0117 …", "call us to book", "tickets over the phone",
 * "fill in the online form", "apply online", "find us on Facebook", a WhatsApp group for
 * reminders, and "getting online" or "online shopping" as what a digital-skills class teaches.
 * Then {@link MODE_CUES}: "over the phone", "a volunteer rings you", "helpline", "lines open"
 * (phone); "on Zoom", "online course", "taught live online", "web chat" (online); "visits you at
 * home", "home visits" (home). A course done "at home" online, or a phone group joined "from
 * home", is not a home visit. A place in the text (a postcode, "drop in at", "meet at", "held
 * at", "face to face", a "Where?" heading) or no remote cue at all means a venue, listed first.
 *
 * @module
 */
import { foldText } from '../../vocabulary/index.js';
import { textOf } from './fields.js';

/** A way of attending. */
export type DeliveryMode = 'venue' | 'phone' | 'online' | 'home';

/** Attending-type terms (folded), per mode. */
export const ATTENDING_TERMS: Readonly<Record<DeliveryMode, RegExp>> = {
  home: /\b(home visits?|home visiting|home|at home|in your home|outreach|domiciliary|visits?)\b/,
  phone: /\b(phone|telephone|tel|helpline|by phone|phone line|call)\b/,
  online: /\b(online|video|virtual|web|webchat|internet|remote(ly)?|digital|zoom|teams)\b/,
  venue: /\b(venue|in person|face to face|drop in|building|centre|center|group|physical|on site|onsite|premises|clinic|community)\b/,
};

/**
 * Contact and booking channels, and digital-skills topics: removed from folded text before the
 * mode cues are read.
 */
export const CONTACT_CHANNELS: readonly RegExp[] = [
  // Online forms, bookings and accounts.
  /\b(fill in|fill out|complete|use|via|through|using|on) (our |the |an |a )?online (form|referral|referral form|booking|application|registration)\b/g,
  /\bonline (form|forms|referral form|booking|application|shop|shopping|banking|safety|safely|archives|accounts?|services)\b/g,
  /\b(apply|book|buy|register|refer yourself|self refer|refer|sign up|donate|order|pay|shop|bank|search) online\b/g,
  /\b(get|getting|go|going|be|being|stay|staying|help you get) online\b/g,
  /\bfind us on \w+\b|\b(facebook|whatsapp|instagram|twitter|x) (group|page)\b|\bour (website|facebook page)\b/g,
  // Phone numbers and phone bookings.
  /\b(telephone|tel|phone|call|ring|mobile|freephone|text)( us)?( on)? \d[\d ]{5,}/g,
  /\b(to book|book a (slot|place|session|table)|booking|bookings|tickets?|enquiries|for a (free )?quote|to book transport|for details|for more information|to find out more)( \w+){0,4} (by phone|over the phone|by telephone|on the phone)\b/g,
  /\b(call|phone|ring|telephone|email|contact) (us|the team|the office|our office)?( \w+){0,3} (to book|to refer|to join|to arrange|to register|for details|for more|to find out|to talk about|or email|or fill|before your first)\b/g,
  /\b(call|phone|ring) (us|the team)\b/g,
  /\b(call|phone) (or|and) email\b|\bemail or (call|phone)\b/g,
];

/** Mode cues on folded text, after {@link CONTACT_CHANNELS} are removed. */
export const MODE_CUES: Readonly<Record<Exclude<DeliveryMode, 'venue'>, RegExp>> = {
  phone: /\b(by (tele)?phone|over the phone|on the phone|phone calls?|telephone (support|friendship|befriending|calls?|group|groups|service|line|advice|chats?)|helpline|listening line|support line|advice line|phone line|lines? (are )?open|(we|volunteers?|they|someone|a volunteer|our volunteers?|one of our \w+( \w+)?) (will )?(ring|rings|call|calls|phone|phones) you|(give|gives) you a (call|ring)|conference call|free to call)\b/,
  online: /\b(on (zoom|teams|microsoft teams|discord|skype|google meet)|via (zoom|teams|skype|video)|online (course|courses|sessions?|group|groups|class|classes|chat|programme|talks?|information sessions?|support|meetings?|workshops?|games|coaching|version)|by video( call)?|video (calls?|chats?) with (a|an|our|one of our|trained|friendly)|(weekly|regular) video calls?|(taught|held|run|delivered|live|meets?) online|(in person|face to face|venues?( \w+){0,3}) or online|online or (in person|face to face)|webinars?|web ?chat|live ?stream\w*|virtual (group|sessions?|meetings?)|digital version)\b/,
  home: /\b(home visits?|home visiting|visits? you( at home)?|visit you at home|visits? (a person|people|someone|the person|older people)( \w+){0,5} at home|(in|at|to) your (own )?home|comes? to your home|to your door|housebound)\b/,
};

/** A place in the text: the service meets somewhere (with a postcode, or a "Where?" heading on the raw text). */
const PLACE_CUE = /\b(drop in at|drop in|meet at|meets at|meet up at|held at|find us at|come along to|venues?|face to face|in person)\b/;

/** The folded text with contact channels removed. */
export function withoutContactChannels(text: string): string {
  let folded = ` ${foldText(text.slice(0, 20_000))} `;
  for (const re of CONTACT_CHANNELS) folded = folded.replace(re, ' ');
  return folded;
}

/**
 * The modes an `attending_type` value names, in its order: a string ("Phone, Online, Venue")
 * or a list of strings; unknown terms are left out.
 *
 * @example
 * ```ts
 * attendingModes('Phone, Online, Venue'); // ['phone', 'online', 'venue']
 * attendingModes(['Venue', 'Online']);    // ['venue', 'online']
 * attendingModes('Home visit');           // ['home']
 * ```
 */
export function attendingModes(value: unknown): DeliveryMode[] {
  const modes: DeliveryMode[] = [];
  for (const entry of Array.isArray(value) ? (value as unknown[]).slice(0, 20) : [value]) {
    const text = textOf(entry);
    if (text === undefined) continue;
    for (const term of text.slice(0, 500).split(/[,;/|]|\band\b|\bor\b/i)) {
      const folded = foldText(term);
      if (folded === '') continue;
      const mode = (['home', 'online', 'phone', 'venue'] as const).find((m) => ATTENDING_TERMS[m].test(folded));
      if (mode !== undefined && !modes.includes(mode)) modes.push(mode);
    }
  }
  return modes;
}

/**
 * The remote modes a description states (contact channels removed), in the order of
 * {@link MODE_CUES}' first matches in the text.
 *
 * @example
 * ```ts
 * remoteModesInText('One of our trained volunteers will ring you once a week.'); // ['phone']
 * remoteModesInText('Telephone: 0117 496 0312. Fill in the online form or call us.'); // []
 * remoteModesInText('Want to get online? Video calls with family, online shopping.'); // []
 * remoteModesInText('A six-week online course. Sessions on Zoom.'); // ['online']
 * ```
 */
export function remoteModesInText(text: string): Exclude<DeliveryMode, 'venue'>[] {
  const folded = withoutContactChannels(text);
  const found: { mode: Exclude<DeliveryMode, 'venue'>; at: number }[] = [];
  for (const mode of ['phone', 'online', 'home'] as const) {
    const m = MODE_CUES[mode].exec(folded);
    if (m !== null) found.push({ mode, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.mode);
}

/**
 * How a service is delivered, main mode first: from `attending_type` (and schedule rows'), else
 * from the description (see the module notes). `fromText` is true when the description decided.
 *
 * @example
 * ```ts
 * deliveryModes(['Phone, Online, Venue'], 'Sessions by telephone, video call or face to face.'); // { modes: ['phone', 'online', 'venue'], fromText: false }
 * deliveryModes([], 'Telephone: 0117 496 0451. Drop in at Easton Community Centre, BS5 6AW.');   // { modes: ['venue'], fromText: true }
 * deliveryModes([], 'A volunteer calls you for a chat each week.');                             // { modes: ['phone'], fromText: true }
 * ```
 */
export function deliveryModes(attending: readonly unknown[], text: string, hasPlace = false): { modes: DeliveryMode[]; fromText: boolean } {
  const modes: DeliveryMode[] = [];
  for (const value of attending) for (const m of attendingModes(value)) if (!modes.includes(m)) modes.push(m);
  if (modes.length > 0) return { modes, fromText: false };
  const remote = remoteModesInText(text);
  const place = hasPlace || PLACE_CUE.test(withoutContactChannels(text)) || /\bwhere\?/i.test(text);
  if (remote.length === 0 || place) return { modes: ['venue', ...remote], fromText: true };
  return { modes: remote, fromText: true };
}
