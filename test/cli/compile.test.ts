// Issue #20: `activity-match compile` writes a snapshot, and every command takes one as --catalogue.
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import { loadMatcher } from '../../src/index.js';
import { run } from './run.js';

const CATALOGUE = JSON.stringify(bundled);
const AT = ['--at', '2026-11-23T09:00:00Z'];

function compiled(): Uint8Array {
  const result = run(['compile', 'catalogue.json', '--out', 'catalogue.snapshot'], { 'catalogue.json': CATALOGUE });
  expect(result.code).toBe(0);
  return result.writtenBytes['catalogue.snapshot'] as Uint8Array;
}

describe('activity-match compile', () => {
  it('writes a snapshot of the catalogue and says what it compiled', () => {
    const result = run(['compile', 'catalogue.json', '--out', 'catalogue.snapshot'], { 'catalogue.json': CATALOGUE });
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^compiled 57 activities \(0 rejected\) into catalogue\.snapshot: 0\.\d MiB$/);
    expect(loadMatcher(result.writtenBytes['catalogue.snapshot'] as Uint8Array).activities.map((a) => a.id)).toEqual((bundled as { id: string }[]).map((a) => a.id));
  });

  it('lists the records it left out, as recommend does', () => {
    const result = run(['compile', 'catalogue.json', '--out', 's'], { 'catalogue.json': JSON.stringify([...bundled, { id: 'half', name: '' }]) });
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^rejected activities\[57\] \(half\): activities\[57\]\.name: /);
    expect(result.err).toMatch(/compiled 57 activities \(1 rejected\)/);
  });

  it('needs --out, and a catalogue that is a list', () => {
    expect(run(['compile', 'catalogue.json'], { 'catalogue.json': CATALOGUE }).code).toBe(2);
    const notList = run(['compile', 'c.json', '--out', 's'], { 'c.json': '{}' });
    expect(notList.code).toBe(1);
    expect(notList.err).toMatch(/is not a list of activities/);
  });
});

describe('--catalogue <file.snapshot>', () => {
  it('gives recommend, explain and evaluate the same output as the catalogue it was compiled from', () => {
    const files = { 'catalogue.json': CATALOGUE, 'catalogue.snapshot': compiled() };
    const commands = [
      ['recommend', '--client', 'copd-activation-2', ...AT],
      ['recommend', '--client', 'anxious-gym-averse', '--json', ...AT],
      ['explain', '--client', 'copd-activation-2', '--activity', 'ers-leisure-centre-gym', ...AT],
    ];
    for (const command of commands) {
      const fromJson = run([...command, '--catalogue', 'catalogue.json'], files);
      const fromSnapshot = run([...command, '--catalogue', 'catalogue.snapshot'], files);
      expect(fromJson.code).toBe(0);
      expect(fromSnapshot).toEqual(fromJson);
    }
  });

  it('refuses a damaged snapshot with one line naming the file', () => {
    const damaged = compiled().slice(0, 500);
    const result = run(['recommend', '--client', 'copd-activation-2', '--catalogue', 'broken.snapshot'], { 'broken.snapshot': damaged });
    expect(result.code).toBe(1);
    expect(result.err).toBe('activity-match: the catalogue file broken.snapshot is not a usable snapshot: expected as many bytes as the header declares (the snapshot is truncated or has bytes added)');
  });
});
