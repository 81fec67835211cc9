// Backtrace frames as printk's %pS / print_ip_sym and the arch dump_stack()s print them.
// One file per architecture's line format; symbol.ts reads the `func+0xoff/0xsize [module]` part
// and the suffixes symbolizers add; noise.ts the lines a trace goes on past; trace.ts whole blocks.
export { parseFrameLine } from './parse-line';
export { isTraceNoise } from './noise';
export { readTrace, isTraceHeader, type Trace } from './trace';
export { parseArmFrameLine, type ArmFrameLine } from './arm';
export { formatFrame } from '../../model/frame';
