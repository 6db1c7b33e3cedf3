// activity-match/time: HSDS schedules, next occurrences, availability fit, programmes and capacity, as the root entry exports them.
export {
  AvailabilitySchema,
  CapacitySchema,
  canJoin,
  capacityStatus,
  DateRangeSchema,
  fromHsdsSchedule,
  isStale,
  maskOverlapMinutes,
  nextOccurrences,
  ProgrammeSchema,
  ScheduleSchema,
  sessionFit,
  weeklySlotMask,
} from '../time/index.js';
export type { Availability, Capacity, CapacityStatus, DateRange, JoinStatus, Occurrence, OccurrenceOptions, Programme, Schedule, ScheduleInput, SessionFit, SlotMask } from '../time/index.js';
