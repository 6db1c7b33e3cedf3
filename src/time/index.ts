/**
 * The time layer: when activities run (HSDS schedules), the next dated sessions, how they fit a
 * client's availability, whether a course can be joined, and what capacity means.
 *
 * @module
 */
export { ScheduleSchema, WEEKDAY_CODES } from './schedule.js';
export type { ByDay, ExtraSession, Schedule, ScheduleInput } from './schedule.js';
export { fromHsdsSchedule } from './hsds.js';
export { clockMinutes } from './clock.js';
export { DateRangeSchema } from './dates.js';
export type { DateRange } from './dates.js';
export { isStale, nextOccurrences } from './occurrences.js';
export type { Occurrence, OccurrenceOptions } from './occurrences.js';
export { AvailabilitySchema, overlapMinutes, sessionFit, weeklyOverlapMinutes } from './availability.js';
export type { Availability, MinuteRange, SessionFit } from './availability.js';
export { maskMinutes, maskOverlapMinutes, weeklySlotMask, SLOT_MINUTES } from './slotmask.js';
export type { SlotMask } from './slotmask.js';
export { canJoin, ProgrammeSchema } from './programme.js';
export type { JoinStatus, Programme } from './programme.js';
export { capacityStatus, CapacitySchema } from './capacity.js';
export type { Capacity, CapacityStatus } from './capacity.js';
