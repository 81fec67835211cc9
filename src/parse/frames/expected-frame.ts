// Test tables' shorthand for an expected frame: only the fields a row is about, the rest empty.
export { makeFrame as F } from '../../model/frame';
