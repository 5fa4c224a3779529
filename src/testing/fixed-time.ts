/** The instant tests treat as "now": a Tuesday in October, during US daylight saving time. */
export const TEST_NOW = new Date('2025-10-21T12:05:00.000Z');
