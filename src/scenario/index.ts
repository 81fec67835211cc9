// Interleavings derived from reports and the stepper's pure state machine.
export type {
  Cpu,
  CpuState,
  Hold,
  Op,
  OpKind,
  Outcome,
  Scenario,
  ScenarioId,
  State,
  Status,
  WaitEdge,
} from './types';
export { deriveScenarios, interruptName } from './derive';
export {
  blockers,
  enabled,
  initial,
  nextOp,
  replay,
  run,
  status,
  stuckCpus,
  type ReplayResult,
} from './machine';
export { explainDeadlock, waitCycle } from './deadlock';
export { describeStep } from './describe';
export { holdsOf, stepperView, waitsOf, type StepperView } from './stepper';
export { MAX_CPUS, encodeSchedule, scheduleChar, scheduleCpu } from './schedule';
