// The fast calendar and clock parsers agree with their slow, obvious definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, dayFromYmd, daysFromCivil } from '../../src/time/dates.js';
import { clockMinutes } from '../../src/time/index.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('daysFromCivil', () => {
  it('equals the Date-based dayFromYmd for every real date from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        expect(daysFromCivil(y, m, d)).toBe(dayFromYmd(y, m, d));
        expect(dayFromIso(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(dayFromYmd(y, m, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts from 1970-01-01 across leap days and century rules', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(dayFromIso('2000-02-29') + 1).toBe(dayFromIso('2000-03-01'));
    expect(dayFromIso('1900-03-01') - dayFromIso('1900-02-28')).toBe(1); // 1900 was not a leap year
    expect(dayFromIso('2026-11-21')).toBe(Date.UTC(2026, 10, 21) / 86_400_000);
  });
});

describe('clockMinutes on five-character "HH:MM"', () => {
  // The obvious definition: two digits, a colon, two digits; hours 0–23 and minutes 0–59, or 24:00 at the end of a day.
  const spec = (text: string, endOfDay: boolean): number | undefined => {
    const m = /^(\d\d):(\d\d)$/.exec(text);
    if (!m) return undefined;
    const [hh, mm] = [Number(m[1]), Number(m[2])];
    if (endOfDay && hh === 24 && mm === 0) return 1440;
    return hh <= 23 && mm <= 59 ? hh * 60 + mm : undefined;
  };

  it('matches the definition for every two-digit hour and minute', () => {
    for (let hh = 0; hh < 100; hh++) {
      for (let mm = 0; mm < 100; mm++) {
        const text = `${pad(hh, 2)}:${pad(mm, 2)}`;
        expect(clockMinutes(text)).toBe(spec(text, false));
        expect(clockMinutes(text, true)).toBe(spec(text, true));
      }
    }
  });

  it('matches the definition for arbitrary five-character text (signs, spaces, letters, full-width digits)', () => {
    const char = fc.constantFrom(...'0123456789:+- .aZ٣０'.split(''));
    fc.assert(
      fc.property(fc.tuple(char, char, char, char, char), fc.boolean(), (chars, endOfDay) => {
        const text = chars.join('');
        expect(clockMinutes(text, endOfDay)).toBe(spec(text, endOfDay));
      }),
      { numRuns: 3000 },
    );
  });
});
