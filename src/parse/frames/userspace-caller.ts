// The userspace caller rules live with the model (src/model/userspace-frame.ts), where the stepper's
// frame choice uses them too; importers reach them here, beside the frame readers.
export {
  callerName,
  firstUserCaller,
  functionName,
  isUserLockMachinery,
} from '../../model/userspace-frame';
