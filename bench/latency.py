"""One line of latency figures for the head-office benches: count, p50, p99, max."""
import statistics


def report(name, ms, width=44):
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print("%-*s n=%d p50 %.1f ms  p99 %.1f ms  max %.1f ms" % (width, name, len(ms), statistics.median(ms), p99, ms[-1]))
