// A schedule is the list of CPUs that move, one character each ('0'..'9', then 'a'..'z'), so
// that a permalink can carry it: "0110" means CPU0, CPU1, CPU1, CPU0.

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The most CPUs a schedule can name. */
export const MAX_CPUS = DIGITS.length;

export function scheduleChar(cpu: number): string {
  const c = DIGITS[cpu];
  if (c === undefined) throw new RangeError(`CPU ${cpu} cannot be written in a schedule`);
  return c;
}

/** The CPU index a schedule character names, or -1. Upper case is read as lower case. */
export function scheduleCpu(ch: string): number {
  return ch.length === 1 ? DIGITS.indexOf(ch.toLowerCase()) : -1;
}

export function encodeSchedule(cpus: readonly number[]): string {
  return cpus.map(scheduleChar).join('');
}
