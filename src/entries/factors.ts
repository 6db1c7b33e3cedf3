// activity-match/factors: the factor functions the matcher uses, and haversineKm, as the root entry exports them.
export { FITS } from '../signals/factors.js';
export type { Fit } from '../signals/factors.js';
export {
  activationFactor,
  activityDemand,
  avoidanceFactor,
  capacityFactor,
  conditionFactor,
  costFactor,
  distanceFactor,
  fitLevel,
  fitName,
  freshnessFactor,
  haversineKm,
  interestFactor,
  isAffordable,
  needsFactor,
  scheduleFactor,
} from '../signals/checked.js';
