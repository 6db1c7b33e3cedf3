/**
 * The time layer, with the schedule, programme, capacity and date-range schemas it reads (they
 * live in `src/schema/`): when activities run (HSDS schedules), the next dated sessions, how they fit a
 * client's availability, whether a course can be joined, and what capacity means.
 *
 * @module
 */
export { ScheduleSchema, WEEKDAY_CODES } from '../schema/schedule.js';
export type { ByDay, ExtraSession, Schedule, ScheduleInput } from '../schema/schedule.js';
export { fromHsdsSchedule } from './hsds.js';
export { clockMinutes } from '../schema/clock.js';
export { DateRangeSchema } from '../schema/date-range.js';
export type { DateRange } from '../schema/date-range.js';
export { isStale, nextOccurrences } from './occurrences.js';
export type { Occurrence, OccurrenceOptions } from './occurrences.js';
export { AvailabilitySchema, overlapMinutes, sessionFit, weeklyOverlapMinutes } from './availability.js';
export type { Availability, MinuteRange, SessionFit } from './availability.js';
export { maskMinutes, maskOverlapMinutes, weeklySlotMask, SLOT_MINUTES } from './slotmask.js';
export type { SlotMask } from './slotmask.js';
export { ProgrammeSchema } from '../schema/programme.js';
export type { Programme } from '../schema/programme.js';
export { canJoin } from './joining.js';
export type { JoinStatus } from './joining.js';
export { CapacitySchema } from '../schema/capacity.js';
export type { Capacity } from '../schema/capacity.js';
export { capacityStatus } from './places.js';
export type { CapacityStatus } from './places.js';
