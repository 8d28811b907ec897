/** Injected time source: every time rule (deadlines, reminders, weekly slots) reads this. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export interface FixedClock extends Clock {
  set(to: Date | string): void;
  advance(ms: number): void;
}

export function createFixedClock(start: Date | string): FixedClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * Real time plus an offset that tests move forward: for harnesses whose platform side (signed
 * requests, tokens) needs the real clock while the bot's rules need days to pass.
 */
export function createOffsetClock(): FixedClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (to) => {
      offset = new Date(to).getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
