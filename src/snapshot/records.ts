/**
 * The activity records of a loaded snapshot, decoded on first use: a query decodes the
 * activities it returns (and the ids its tie-breaks compare), so a matcher loaded from a
 * snapshot of a million activities holds no million objects on its heap.
 *
 * @module
 */
import type { ActivityRecords } from '../catalogue/records.js';
import { ActivityMatchError } from '../errors.js';
import type { Activity } from '../schema/activity.js';
import { deepFreeze } from '../schema/fast-common.js';

// Made on first use: the core's modules create nothing at load (a bare JavaScript context has no TextDecoder).
let decoder: InstanceType<typeof TextDecoder> | undefined;
const ID_PREFIX = '{"id":"';

/** UTF-8 text of bytes (copied first when they are shared memory, which `TextDecoder` does not read). */
function text(bytes: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { fatal: true });
  return decoder.decode(bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
}

function corrupt(row: number): ActivityMatchError {
  return new ActivityMatchError('INVALID_SNAPSHOT', [{ path: `snapshot.records[${row}]`, message: 'expected the JSON of an activity, starting with its id' }]);
}

/** Records decoded on first use, and kept. */
class SnapshotRecords implements ActivityRecords {
  readonly length: number;
  readonly #bytes: Uint8Array;
  readonly #start: Uint32Array;
  // Maps, not lists of a million holes: a query decodes a few records, and the load allocates nothing per record.
  readonly #activities = new Map<number, Activity>();
  readonly #ids = new Map<number, string>();

  constructor(bytes: Uint8Array, start: Uint32Array) {
    this.length = start.length - 1;
    this.#bytes = bytes;
    this.#start = start;
  }

  /** The record's bytes, as written. */
  raw(row: number): Uint8Array {
    return this.#bytes.subarray(this.#start[row] as number, this.#start[row + 1] as number);
  }

  at(row: number): Activity {
    let activity = this.#activities.get(row);
    if (activity === undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text(this.raw(row)));
      } catch {
        throw corrupt(row);
      }
      if (parsed === null || typeof parsed !== 'object' || typeof (parsed as { id?: unknown }).id !== 'string') throw corrupt(row);
      activity = deepFreeze(parsed as Activity);
      this.#activities.set(row, activity);
    }
    return activity;
  }

  idAt(row: number): string {
    let id = this.#ids.get(row);
    if (id === undefined) {
      id = this.#activities.get(row)?.id ?? readId(this.raw(row), row);
      this.#ids.set(row, id);
    }
    return id;
  }
}

/** The id at the start of a record (`{"id":"…"`): plain ASCII is read straight from the bytes, anything else through JSON. */
function readId(bytes: Uint8Array, row: number): string {
  for (let i = 0; i < ID_PREFIX.length; i++) if (bytes[i] !== ID_PREFIX.charCodeAt(i)) throw corrupt(row);
  let end = ID_PREFIX.length;
  let plain = true;
  while (end < bytes.length && bytes[end] !== 0x22) {
    const b = bytes[end] as number;
    if (b === 0x5c) {
      plain = false;
      end += 2;
      continue;
    }
    if (b >= 0x80) plain = false;
    end++;
  }
  if (end >= bytes.length) throw corrupt(row);
  if (plain) {
    // Character by character: cheaper than spreading a subarray, above all before the code is optimised.
    let id = '';
    for (let i = ID_PREFIX.length; i < end; i++) id += String.fromCharCode(bytes[i] as number);
    return id;
  }
  try {
    return JSON.parse(text(bytes.subarray(ID_PREFIX.length - 1, end + 1))) as string;
  } catch {
    throw corrupt(row);
  }
}

/** Records over a snapshot's record bytes and offsets. */
export function snapshotRecords(bytes: Uint8Array, start: Uint32Array): ActivityRecords {
  return new SnapshotRecords(bytes, start);
}

/** A record's bytes as written, when the records came from a snapshot (so writing another needs no JSON). */
export function rawRecord(records: ActivityRecords, row: number): Uint8Array | undefined {
  return records instanceof SnapshotRecords ? records.raw(row) : undefined;
}
