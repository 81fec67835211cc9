// Permalinks and .lockscope files: a whole view in a URL fragment (nothing is stored anywhere),
// versioned so that a link made today opens the same way in every later version.
export {
  decodePermalink,
  LINK_LENGTH_LIMIT,
  LINK_VERSION,
  MAX_PAYLOAD_BYTES,
  PermalinkError,
  type DecodeResult,
} from './codec';
export {
  decodeLockscopeFile,
  encodeLockscopeFile,
  LOCKSCOPE_FILE_EXTENSION,
  LOCKSCOPE_FILE_FORMAT,
  looksLikeLockscopeFile,
} from './lockscope-file';
export { reduceForLink, reportFingerprint, type ReducedInput, type Reduction } from './reduce';
export {
  defaultReportIndex,
  encodePermalink,
  reduceViewState,
  shareLinks,
  type EncodeOptions,
  type ShareLinks,
} from './share';
export {
  defaultViewState,
  normalizeState,
  type LinkSelection,
  type SimulatorView,
  type StepperState,
  type ViewOptions,
  type ViewState,
} from './state';
