import { describe, expect, it } from 'vitest';
import { F } from './expected-frame';
import {
  parseAbseilFrame,
  parseGoDeadlockFrame,
  parseJavaFrame,
  parseSanitizerFrame,
  parseValgrindFrame,
} from './userspace';
import { callerName, functionName } from './userspace-caller';

describe('parseSanitizerFrame', () => {
  it.each([
    [
      '    #1 mtn_lock ldap/servers/slapd/slapi2runtime.c:289 (libslapd.so.0+0x9b4d8)',
      F({
        function: 'mtn_lock',
        file: 'ldap/servers/slapd/slapi2runtime.c',
        line: 289,
        module: 'libslapd.so.0',
        offset: '0x9b4d8',
      }),
    ],
    [
      '#0 pthread_mutex_lock <null> (libtsan.so.0+0x5271c)',
      F({ function: 'pthread_mutex_lock', module: 'libtsan.so.0', offset: '0x5271c' }),
    ],
    [
      '2 std::mutex::lock() /usr/include/c++/7.5.0/bits/std_mutex.h:103:17 (skvbc_replica+0x14c1848)',
      F({
        function: 'std::mutex::lock',
        file: '/usr/include/c++/7.5.0/bits/std_mutex.h',
        line: 103,
        module: 'skvbc_replica',
        offset: '0x14c1848',
      }),
    ],
    [
      '#3 main a.cc:9:3 (a.out+0x10) (BuildId: 5f3c)',
      F({ function: 'main', file: 'a.cc', line: 9, module: 'a.out', offset: '0x10' }),
    ],
    [
      '#0 0x4c3f10 in foo file.c:12',
      F({ function: 'foo', file: 'file.c', line: 12, address: '0x4c3f10' }),
    ],
    [
      '#0 pthread_spin_lock  (libtsan.so.0+0x3ce68)',
      F({ function: 'pthread_spin_lock', module: 'libtsan.so.0', offset: '0x3ce68' }),
    ],
    [
      '#4 UpdateWindows() src/window.cpp:3202 (openttd+0x14516',
      F({ function: 'UpdateWindows', file: 'src/window.cpp', line: 3202, module: 'openttd' }),
    ],
    ['#1 (0x7f00) <null> (0x55d0c0a0)', F({ function: '(0x7f00)', address: '0x55d0c0a0' })],
  ])('%s', (line, frame) => expect(parseSanitizerFrame(line)).toEqual(frame));

  it('is null for other lines', () => {
    expect(
      parseSanitizerFrame('Mutex M1 acquired here while holding mutex M0 in main thread:'),
    ).toBeNull();
    expect(parseSanitizerFrame('#0')).toBeNull();
  });
});

describe('parseValgrindFrame', () => {
  it.each([
    [
      '   at 0x4C23C91: pthread_mutex_lock (hg_intercepts.c:388)',
      F({
        function: 'pthread_mutex_lock',
        address: '0x4C23C91',
        file: 'hg_intercepts.c',
        line: 388,
      }),
    ],
    [
      'by 0x43867E: ZT_Node_processBackgroundTasks (in /tests/zt)',
      F({ function: 'ZT_Node_processBackgroundTasks', address: '0x43867E', module: '/tests/zt' }),
    ],
    [
      'at 0x........: mutex_lock_WRK (hg_intercepts.c:...)',
      F({ function: 'mutex_lock_WRK', address: '0x........', file: 'hg_intercepts.c' }),
    ],
    ['by 0x4C34DB6: ???', F({ function: '???', address: '0x4C34DB6' })],
  ])('%s', (line, frame) => expect(parseValgrindFrame(line)).toEqual(frame));
});

describe('parseJavaFrame', () => {
  it.each([
    [
      'at demo.Philosopher.eat(Philosopher.java:31)',
      F({ function: 'demo.Philosopher.eat', file: 'Philosopher.java', line: 31 }),
    ],
    [
      'at jdk.internal.misc.Unsafe.park(java.base@17.0.6/Native Method)',
      F({ function: 'jdk.internal.misc.Unsafe.park', module: 'java.base@17.0.6' }),
    ],
    [
      'at x.Y$$Lambda$17/159259014.call(Unknown Source)',
      F({ function: 'x.Y$$Lambda$17/159259014.call' }),
    ],
    [
      'at java.util.concurrent.locks.ReentrantLock.lock(java.base@17.0.6/Unknown Source',
      F({ function: 'java.util.concurrent.locks.ReentrantLock.lock', module: 'java.base@17.0.6' }),
    ],
  ])('%s', (line, frame) => expect(parseJavaFrame(line)).toEqual(frame));
});

describe('parseGoDeadlockFrame', () => {
  it('reads the marked lock call and its source line', () => {
    expect(
      parseGoDeadlockFrame(
        'examples/rwmutextest.go:46 main.(*MutexTestA).testB { m.mutexB.RLock() } <<<<<',
      ),
    ).toEqual({
      frame: F({ function: 'main.(*MutexTestA).testB', file: 'examples/rwmutextest.go', line: 46 }),
      source: 'm.mutexB.RLock()',
      marked: true,
      site: 'examples/rwmutextest.go:46',
      open: false,
    });
  });
  it('marks a line a terminal cut as open', () => {
    expect(
      parseGoDeadlockFrame('x/_cgo_gotypes.go:2503 go-toxcore._cgoexpwrap_callbackS')?.open,
    ).toBe(true);
    expect(parseGoDeadlockFrame('tox.go:702 go-toxcore.(*Tox).lock ??? <<<<<')?.open).toBe(false);
    expect(parseGoDeadlockFrame('goroutine 1 lock 0xc4200125a0')).toBeNull();
  });
});

describe('parseAbseilFrame', () => {
  it('reads a symbolised frame', () => {
    expect(parseAbseilFrame('\t@ 0x7f9786a4b67f absl::lts_2020_09_23::Mutex::Lock()')).toEqual(
      F({ function: 'absl::lts_2020_09_23::Mutex::Lock', address: '0x7f9786a4b67f' }),
    );
  });
});

describe('the caller that took the lock', () => {
  it('skips lock primitives, interceptors and mutex wrappers', () => {
    const trace = [
      F({ function: 'pthread_mutex_lock' }),
      F({ function: '__gthread_mutex_lock(pthread_mutex_t*)' }),
      F({ function: 'std::lock_guard<std::mutex>::lock_guard(std::mutex&)' }),
      F({ function: 'zmq::mutex_t::lock()' }),
      F({ function: 'void ZeroTier::Topology::append<10108u>(ZeroTier::Buffer<10108u>&)' }),
    ];
    expect(callerName(trace)).toBe('ZeroTier::Topology::append<10108u>');
  });
  it('drops arguments and return types, keeps anonymous namespaces', () => {
    expect(functionName('grpc_core::(anonymous namespace)::Chttp2ServerListener::Start()')).toBe(
      'grpc_core::(anonymous namespace)::Chttp2ServerListener::Start',
    );
    expect(functionName('openttd_main(int, char**)')).toBe('openttd_main');
  });
});
