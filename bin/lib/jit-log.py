#!/usr/bin/env python3
"""Summarises a HotSpot compilation log of a perfgate process (docs/performance.md, "The JIT's work").

Write the log with
  PERFGATE_JAVA_OPTS="-Xmx64m -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=comp.log" \
    bin/perfgate report FILE
then run bin/lib/jit-log.py comp.log [N]. It prints the C2 and C1 work (tasks, code size), the N largest C2
compilations (default 10), every trap that threw C2 code away (where: method and bci, innermost first) and the
methods C2 compiled more than once. The times are a compiler thread's wall time: on a loaded machine compare the
structure (sizes, traps, repeats), not the times.
"""
import collections
import re
import sys


def attr(text, name):
    m = re.search(name + r"='([^']*)'", text)
    return m.group(1) if m else ''


def short(method):
    # "pkg.Class name (sig)" -> "Class.name"
    parts = method.split(' ')
    return parts[0].split('.')[-1] + '.' + parts[1] if len(parts) > 1 else method


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: jit-log.py COMPILATION_LOG [N]')
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    log = open(sys.argv[1], errors='replace').read()
    tasks = {}
    for m in re.finditer(r"<task (compile_id='(\d+)'[^>]*)>.*?<task_done([^>]*)/>", log, re.S):
        head, done = m.group(1), m.group(3)
        level = attr(head, 'level') or '4'  # C2 tasks carry no level
        tasks[m.group(2)] = {
            'method': short(attr(head, 'method')), 'level': level, 'osr': attr(head, 'compile_kind') == 'osr',
            'size': int(attr(done, 'nmsize') or 0), 'start': float(attr(head, 'stamp')),
            'took': float(attr(done, 'stamp')) - float(attr(head, 'stamp')),
        }
    c2 = [t for t in tasks.values() if t['level'] == '4']
    c1 = [t for t in tasks.values() if t['level'] != '4']
    print('C2: %d compilations, %d KB of code; C1: %d compilations, %d KB'
          % (len(c2), sum(t['size'] for t in c2) // 1024, len(c1), sum(t['size'] for t in c1) // 1024))
    print('\nlargest C2 compilations (start s, compiler wall s, code bytes):')
    for t in sorted(c2, key=lambda t: -t['size'])[:top]:
        print('  %6.2f  %5.2f  %6d  %s%s' % (t['start'], t['took'], t['size'], t['method'], ' (OSR)' if t['osr'] else ''))
    print('\ntraps that threw C2 code away (at s: compiled method <- where, innermost first):')
    thrown = collections.Counter()
    for m in re.finditer(r"<uncommon_trap thread='\d+' ([^>]*)>((?:(?!<uncommon_trap).)*?)</uncommon_trap>\s*<make_not_entrant[^>]*"
                         r"reason='uncommon trap' compile_id='(\d+)'[^>]*compiler='c2'", log, re.S):
        where = ' <- '.join('%s bci %s' % (short(attr(j, 'method')), attr(j, 'bci'))
                            for j in re.findall(r"<jvms [^>]*>", m.group(2)))
        t = tasks.get(m.group(3))
        name = t['method'] if t else '?'
        thrown[name] += t['size'] if t else 0
        print('  %6.2f  %s (%s, %s bytes): %s' % (float(attr(m.group(1), 'stamp')), name,
                                                 attr(m.group(1), 'reason'), t['size'] if t else '?', where))
    if not thrown:
        print('  none')
    again = collections.Counter(t['method'] for t in c2 if not t['osr'])
    print('\nC2 compiled more than once (OSR not counted): '
          + (', '.join('%s x%d' % (k, v) for k, v in again.most_common() if v > 1) or 'none'))


if __name__ == '__main__':
    main()
