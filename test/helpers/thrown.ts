import { expect } from 'chai';

/** The error `fn` throws (the test fails when it throws none). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  expect.fail('expected an error');
}
