import * as z from 'zod/mini';

/** A whole number: tab ids, ports, option values. (z.int() adds 0.4 kB of number formats to the background.) */
export const WholeNumber = z.number().check(z.refine(Number.isInteger));
