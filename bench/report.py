#!/usr/bin/env python3
"""Turns the raw output of bench/run into results.md, summary.tsv and one SVG chart per group of runs.

  report.py brief RAW_WRK_FILE    one line of figures for the console
  report.py rate RAW_WRK_FILE     the run's requests/s, a bare number (0 when wrk printed nothing)
  report.py write RESULTS_DIR     results.md, summary.tsv and completions-*.svg from RESULTS_DIR/raw/

The figures come from the "jope ..." lines that bench/completions.lua prints at the end of each wrk run.
Standard library only, so that the harness needs nothing beyond python3.
"""

import csv
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

LOG_TAIL_LINES = 15
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# wrk's share of one core above which the generator, not the server, may have set the pace.
GENERATOR_BOUND_PCT = 90
CONTAINER_COLOURS = {"tomcat": "#1f77b4", "jetty": "#2ca02c", "undertow": "#9467bd"}
STALL_COLOUR = "#d62728"
STORE_NAMES = {
    "h2": "the embedded store (h2)",
    "postgres": "the shared store, invalidations pushed (postgres)",
    "postgres-poll": "the shared store, invalidations polled (postgres-poll)",
    "postgres-1x4": "the shared store with one instance behind nginx (postgres-1x4)",
    "postgres-2x2": "the shared store with two instances behind nginx (postgres-2x2)",
}
KIND_NAMES = {
    "page": '"/"',
    "bare": "bare servlet",
    "plain": "plain page",
    "hello": "/hello in Jope",
    "304": '"/" with If-None-Match',
    "nolog": '"/" without the access log',
    "leaf": "a page in the root",
    "deep": "a page in the big folder",
    "overload": '"/" overloaded',
}
# The seed's "more instances with fewer threads each": one instance on the shared store against several behind nginx.
# Both behind the same nginx, so that the proxy's cost is on both sides; sets measured before postgres-1x4 existed
# compare with postgres, which has no proxy.
SINGLE_STORES, SCALE_OUT_STORE = ("postgres-1x4", "postgres"), "postgres-2x2"
PROXIED_STORES = {"postgres-1x4", "postgres-2x2"}
OUTCOME_TEXT = {
    "ok": "ok",
    "failed-to-start": "failed to start",
    "store-failed": "PostgreSQL not available",
    "wrk-failed": "wrk failed",
    "app-exited": "an app (or nginx) exited during the run",
}


@dataclass
class WrkFigures:
    """What one wrk run measured, as printed by completions.lua."""

    requests: int = 0
    duration_us: int = 0
    errors: dict = field(default_factory=dict)
    latency_us: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)
    per_second: list = field(default_factory=list)
    cpu_ticks: int = 0

    @property
    def seconds(self):
        return self.duration_us / 1e6

    @property
    def requests_per_s(self):
        return self.requests / self.seconds if self.duration_us else 0.0

    @property
    def whole_seconds(self):
        """Completions of the seconds wholly inside the run: the first and last seconds are partial."""
        return self.per_second[1:-1]

    @property
    def zero_seconds(self):
        return sum(1 for n in self.whole_seconds if n == 0)

    @property
    def longest_gap(self):
        longest = current = 0
        for n in self.whole_seconds:
            current = current + 1 if n == 0 else 0
            longest = max(longest, current)
        return longest

    @property
    def slowest_second(self):
        return min(self.whole_seconds, default=None)

    def count_statuses(self, low, high):
        return sum(n for status, n in self.statuses.items() if low <= status <= high)

    @property
    def non_2xx(self):
        return sum(self.statuses.values()) - self.count_statuses(200, 299)

    @property
    def socket_errors(self):
        return "/".join(str(self.errors.get(k, 0)) for k in ("connect", "read", "write", "timeout"))

    @property
    def has_socket_errors(self):
        return any(self.errors.get(k, 0) for k in ("connect", "read", "write", "timeout"))


def parse_wrk(path):
    """The figures of one raw wrk output, or None when wrk printed none (it failed or was killed)."""
    figures = WrkFigures()
    found = False
    try:
        lines = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        words = line.split()
        if len(words) < 2 or words[0] != "jope":
            continue
        found = True
        kind, rest = words[1], words[2:]
        pairs = dict(w.split("=", 1) for w in rest if "=" in w)
        if kind == "summary":
            figures.requests = int(pairs["requests"])
            figures.duration_us = int(pairs["duration_us"])
        elif kind == "errors":
            figures.errors = {k: int(v) for k, v in pairs.items()}
        elif kind == "latency_us":
            figures.latency_us = {k: int(v) for k, v in pairs.items()}
        elif kind == "status":
            figures.statuses[int(rest[0])] = int(rest[1])
        elif kind == "second":
            figures.per_second.append(int(rest[1]))
        elif kind == "wrk_cpu_ticks":
            figures.cpu_ticks = int(pairs["user"]) + int(pairs["system"])
    return figures if found else None


@dataclass
class Run:
    """One row of raw/runs.tsv, written by bench/run, with its wrk figures."""

    n: int
    kind: str
    container: str
    store: str
    path: str
    connections: int
    threads: int
    outcome: str
    prefix: str
    app_cpu_s: float
    instances: int = 1
    proxy_cpu_s: float = 0.0
    warmup_s: int = 0
    steady: bool = False
    wrk: WrkFigures = None
    # The warm-up's slices, in order: the ramp the measured run starts after.
    warmups: list = field(default_factory=list)
    chart: str = ""

    @property
    def name(self):
        if self.kind == "page":
            return f"{self.container} {self.store} {self.path}"
        suffix = f" c{self.connections}" if self.kind == "overload" else ""
        return f"{self.container} {KIND_NAMES.get(self.kind, self.kind)} {self.path}{suffix}"

    @property
    def warmup_seconds(self):
        """Completions per whole second through the warm-up, slice after slice."""
        return [v for slice_ in self.warmups for v in slice_.whole_seconds]

    @property
    def measured(self):
        return self.wrk is not None and self.wrk.duration_us > 0

    @property
    def requests_per_s(self):
        return self.wrk.requests_per_s if self.measured else 0.0

    @property
    def setup(self):
        """Instances × threads, as in the seed's advice: "1×4", "2×2"."""
        return f"{self.instances}×{self.threads}"

    @property
    def unexpected(self):
        """Responses with a status this run should not give: not 304 in the 304 run, else not 2xx."""
        if self.kind == "304":
            return sum(n for status, n in self.wrk.statuses.items() if status != 304)
        return self.wrk.non_2xx

    @property
    def wrk_cpu_s(self):
        return self.wrk.cpu_ticks / CLOCK_TICKS if self.wrk else 0.0

    def cpu_pct(self, cpu_s):
        return 100.0 * cpu_s / self.wrk.seconds if self.measured else 0.0


def read_runs(raw_dir):
    runs = []
    with open(raw_dir / "runs.tsv", newline="") as manifest:
        for row in csv.DictReader(manifest, delimiter="\t"):
            run = Run(
                n=int(row["n"]),
                kind=row["kind"],
                container=row["container"],
                store=row["store"],
                path=row["path"],
                connections=int(row["connections"]),
                threads=int(row["threads"]),
                outcome=row["outcome"],
                prefix=row["prefix"],
                app_cpu_s=float(row["app_cpu_s"]),
                # Absent from manifests written before the postgres-2x2 runs existed.
                instances=int(row.get("instances") or 1),
                proxy_cpu_s=float(row.get("proxy_cpu_s") or 0),
                # Absent from manifests written before the warm-up went on until the rate was steady.
                warmup_s=int(row.get("warmup_s") or 0),
                steady=row.get("steady") == "1",
            )
            run.wrk = parse_wrk(raw_dir / f"{run.prefix}.wrk.txt")
            slices = sorted(raw_dir.glob(f"{run.prefix}.warmup-*.txt"),
                            key=lambda path: int(path.stem.rsplit("-", 1)[1]))
            run.warmups = [w for w in map(parse_wrk, slices) if w]
            runs.append(run)
    return runs


def read_machine(raw_dir):
    machine = {}
    for line in (raw_dir / "machine.txt").read_text().splitlines():
        key, _, value = line.partition(": ")
        machine[key] = value
    return machine


# --- formatting -------------------------------------------------------------------------------------------------


def ms(us):
    return f"{us / 1000:.1f}"


def count(n):
    return f"{n:,.0f}"


def pct(value):
    return f"{value:.0f}%"


def proxy_cpu(run):
    return pct(run.cpu_pct(run.proxy_cpu_s)) if run.store in PROXIED_STORES and run.measured else "—"


def log_tail(path):
    try:
        lines = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(lines[-LOG_TAIL_LINES:]) or "(empty log)"


# --- charts -------------------------------------------------------------------------------------------------------


def chart_groups(runs):
    """Runs drawn together, one line per container: "/" per store, then each other kind."""
    groups = {}
    for run in runs:
        if run.kind == "page":
            key = (f"completions-{run.store}.svg", f'"/" on {run.store}, {run.connections} connections')
        else:
            key = (f"completions-{run.kind}.svg",
                   f"{KIND_NAMES.get(run.kind, run.kind)} ({run.path}), {run.connections} connections")
        groups.setdefault(key, []).append(run)
    return groups


def nice_step(value):
    """The smallest 1, 2 or 5 times a power of ten that is at least value: a step for an axis."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def svg_chart(title, runs):
    width, height = 800, 340
    left, right, top, bottom = 70, 160, 40, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    # The warm-up comes first, so that the ramp to the steady rate shows; a dashed line marks where measuring began.
    series = [(run, run.warmup_seconds + run.wrk.whole_seconds, len(run.warmup_seconds)) for run in runs]
    length = max(len(points) for _, points, _ in series)
    highest = max(max(points, default=0) for _, points, _ in series) or 1
    y_step = nice_step(highest / 5)
    y_ticks = -(-highest // y_step)
    y_max = y_step * y_ticks

    # Seconds are counted from the start of the run; the first, partial, second is left out, so x starts at 1.
    def x(i):
        return left + plot_w * (i / max(length - 1, 1))

    def y(v):
        return top + plot_h * (1 - v / y_max)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="14">Completions per second: {escape(title)}</text>',
    ]
    for tick in range(y_ticks + 1):
        value = y_step * tick
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{count(value)}</text>')
    x_step = nice_step(length / 10)
    for second in sorted({1, *range(x_step, length + 1, x_step)}):
        out.append(f'<text x="{x(second - 1):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{second}</text>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle">'
               'whole seconds, warm-up slices first (each slice without its partial first and last second)</text>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#333"/>')
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333"/>')

    for index, (run, points, measured_from) in enumerate(series):
        colour = CONTAINER_COLOURS.get(run.container, "#333")
        if measured_from:
            out.append(f'<line x1="{x(measured_from):.1f}" x2="{x(measured_from):.1f}" y1="{top}" '
                       f'y2="{top + plot_h}" stroke="{colour}" stroke-dasharray="4 3"/>')
        coords = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(points))
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        # A second without completions is a stall: mark it, so that it shows even under another line.
        for i, v in enumerate(points):
            if v == 0:
                out.append(f'<circle cx="{x(i):.1f}" cy="{y(0):.1f}" r="3.5" fill="{STALL_COLOUR}"/>')
        legend_y = top + 10 + 20 * index
        out.append(f'<line x1="{left + plot_w + 15}" x2="{left + plot_w + 35}" y1="{legend_y}" y2="{legend_y}" '
                   f'stroke="{colour}" stroke-width="3"/>')
        out.append(f'<text x="{left + plot_w + 40}" y="{legend_y + 4}">{escape(run.container)}</text>')
    legend_y = top + 10 + 20 * len(series)
    out.append(f'<circle cx="{left + plot_w + 25}" cy="{legend_y}" r="3.5" fill="{STALL_COLOUR}"/>')
    out.append(f'<text x="{left + plot_w + 40}" y="{legend_y + 4}">no completions</text>')
    legend_y += 20
    out.append(f'<line x1="{left + plot_w + 15}" x2="{left + plot_w + 35}" y1="{legend_y}" y2="{legend_y}" '
               'stroke="#333" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{left + plot_w + 40}" y="{legend_y + 4}">measuring begins</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_charts(results_dir, runs):
    charts = []
    for (file_name, title), group in chart_groups(runs).items():
        drawn = [run for run in group if run.measured and run.wrk.whole_seconds]
        if not drawn:
            continue
        (results_dir / file_name).write_text(svg_chart(title, drawn))
        for run in drawn:
            run.chart = file_name
        charts.append((file_name, title))
    return charts


# --- findings -----------------------------------------------------------------------------------------------------


def run_of(runs, kind, container, store="h2"):
    """The measured run of this kind on this container (for kind page, on this store), or None."""
    return next((r for r in runs if r.kind == kind and r.container == container and r.measured
                 and (kind != "page" or r.store == store)), None)


def share(run, reference):
    """run's requests/s over reference's, or None when either is missing."""
    if not (run and reference and reference.requests_per_s):
        return None
    return run.requests_per_s / reference.requests_per_s


# Each comparison in the references table: its heading, and the two runs of a container it divides.
COMPARISONS = [
    ('"/" ÷ bare', lambda runs, c: share(run_of(runs, "page", c), run_of(runs, "bare", c))),
    ('"/" ÷ plain', lambda runs, c: share(run_of(runs, "page", c), run_of(runs, "plain", c))),
    ("304 ÷ bare", lambda runs, c: share(run_of(runs, "304", c), run_of(runs, "bare", c))),
    ('"/" ÷ "/" without access log', lambda runs, c: share(run_of(runs, "page", c), run_of(runs, "nolog", c))),
    ("deep ÷ leaf", lambda runs, c: share(run_of(runs, "deep", c), run_of(runs, "leaf", c))),
    ('"/" postgres ÷ h2', lambda runs, c: share(run_of(runs, "page", c, "postgres"), run_of(runs, "page", c))),
    ('"/" postgres-poll ÷ h2',
     lambda runs, c: share(run_of(runs, "page", c, "postgres-poll"), run_of(runs, "page", c))),
]
REFERENCE_KINDS = ["bare", "plain", "hello", "304", "nolog", "leaf", "deep"]


def page_run(runs, container, store):
    return next((r for r in runs if r.kind == "page" and r.container == container and r.store == store), None)


def scale_out_pairs(runs):
    """(container, one instance, several behind nginx) for each container that has a "/" run on both."""
    pairs = []
    for container in dict.fromkeys(r.container for r in runs):
        single = next(filter(None, (page_run(runs, container, store) for store in SINGLE_STORES)), None)
        scaled = page_run(runs, container, SCALE_OUT_STORE)
        if single and scaled:
            pairs.append((container, single, scaled))
    return pairs


def setup_title(run):
    return (f"{run.instances} instance{'s' if run.instances > 1 else ''} × "
            f"{run.threads} thread{'s' if run.threads > 1 else ''}")


def scale_out_finding(runs, machine):
    measured = [(c, a, b) for c, a, b in scale_out_pairs(runs) if a.measured and b.measured and a.requests_per_s]
    if not measured:
        return None
    _, single, scaled = measured[0]
    shares = "; ".join(f"{c} {pct(100 * b.requests_per_s / a.requests_per_s)} "
                       f"({count(b.requests_per_s)} against {count(a.requests_per_s)})" for c, a, b in measured)
    proxy = max(b.cpu_pct(b.proxy_cpu_s) for _, _, b in measured)
    return (f"On PostgreSQL, {setup_title(scaled)} behind nginx served this share of the requests/s of "
            f"{setup_title(single)}: {shares}. nginx used up to {pct(proxy)} of one core, on the same "
            f"{machine.get('cpus', '?')} cores as the apps, wrk and PostgreSQL, so the comparison includes the "
            "proxy's cost.")


def findings(runs, machine):
    sentences = []
    stores = list(dict.fromkeys(r.store for r in runs if r.kind == "page"))
    for store in stores:
        ranked = sorted((r for r in runs if r.kind == "page" and r.store == store and r.measured),
                        key=lambda r: r.requests_per_s, reverse=True)
        if not ranked:
            continue
        best = ranked[0]
        verb = "was fastest at" if len(ranked) > 1 else "served"
        sentence = f'On "/" with {STORE_NAMES[store]}, {best.container} {verb} {count(best.requests_per_s)} requests/s'
        others = [f"{r.container} ({count(r.requests_per_s)}, {pct(100 * r.requests_per_s / best.requests_per_s)})"
                  for r in ranked[1:]]
        if others:
            sentence += ", ahead of " + " and ".join(others)
        sentences.append(sentence + ".")

    for heading, compare in COMPARISONS:
        shares = [f"{c} {compare(runs, c):.2f}" for c in dict.fromkeys(r.container for r in runs)
                  if compare(runs, c) is not None]
        if shares:
            sentences.append(f"{heading}: " + ", ".join(shares) + ".")

    scale_out = scale_out_finding(runs, machine)
    if scale_out:
        sentences.append(scale_out)

    stalls = [f"{r.name} had {r.wrk.zero_seconds} seconds without completions, the longest gap "
              f"{r.wrk.longest_gap} s" for r in runs if r.measured and r.wrk.zero_seconds]
    sentences.append("Stalls: " + "; ".join(stalls) + "." if stalls
                     else "No run had a second without completions: no stalls.")

    # One slice has nothing to be steady against: only a longer warm-up that ran out counts.
    unsteady = [f"{r.name} ({r.warmup_s} s)" for r in runs if r.measured and len(r.warmups) > 1 and not r.steady]
    if unsteady:
        sentences.append("Warm-ups that reached their limit before the rate was steady: " + "; ".join(unsteady) + ".")

    errors = [f"{r.name}: {count(r.unexpected)} unexpected statuses, socket errors c/r/w/t {r.wrk.socket_errors}"
              for r in runs if r.kind != "overload" and r.measured and (r.unexpected or r.wrk.has_socket_errors)]
    sentences.append("Errors at 100 clients: " + "; ".join(errors) + "." if errors
                     else "At 100 clients no run had an unexpected status (not 2xx, or not 304 in the 304 run) "
                          "or a socket error.")

    failed = [f"{r.name} ({OUTCOME_TEXT.get(r.outcome, r.outcome)})" for r in runs if r.outcome != "ok"]
    if failed:
        sentences.append("Runs that did not complete: " + "; ".join(failed) + " (log tails below).")

    measured = [r for r in runs if r.measured]
    if measured:
        busiest = max(measured, key=lambda r: r.cpu_pct(r.wrk_cpu_s))
        wrk_pct = busiest.cpu_pct(busiest.wrk_cpu_s)
        app = [r.cpu_pct(r.app_cpu_s) for r in measured if r.kind != "overload"]
        sentence = f"wrk used at most {pct(wrk_pct)} of one core ({busiest.name})"
        if wrk_pct >= GENERATOR_BOUND_PCT:
            sentence += ", so the generator may have set the pace there"
        if app:
            spread = pct(min(app)) if len(app) == 1 else f"{pct(min(app))} to {pct(max(app))}"
            sentence += f"; the app used {spread} CPU (100% is one core of {machine.get('cpus', '?')})"
        sentences.append(sentence + ".")

    overload = [f"{r.container} answered {count(r.wrk.count_statuses(200, 299))} 2xx, "
                f"{count(r.wrk.statuses.get(503, 0))} 503 and "
                f"{count(r.wrk.non_2xx - r.wrk.statuses.get(503, 0))} other, max latency {ms(r.wrk.latency_us['max'])} ms"
                for r in runs if r.kind == "overload" and r.measured]
    if overload:
        threads, connections = next((r.threads, r.connections) for r in runs if r.kind == "overload")
        sentences.append(f"Under overload ({connections} connections, {threads} threads, pool 7): " + "; ".join(overload) + ".")
    sentences.append("The machine is shared, so absolute figures hold for this run only; compare the ratios.")
    return " ".join(sentences)


# --- results.md and summary.tsv -----------------------------------------------------------------------------------


def run_label(run):
    """What a row of the figures table measured: the store for "/", else the kind of run."""
    return run.store if run.kind == "page" else KIND_NAMES.get(run.kind, run.kind)


def figure_row(run):
    if not run.measured:
        return [str(run.n), run.container, run_label(run), run.path,
                OUTCOME_TEXT.get(run.outcome, run.outcome)] + ["—"] * 11
    w = run.wrk
    status = "" if run.outcome == "ok" else f" ({OUTCOME_TEXT.get(run.outcome, run.outcome)})"
    return [
        str(run.n), run.container, run_label(run), run.path, count(w.requests_per_s) + status,
        ms(w.latency_us["p50"]), ms(w.latency_us["p99"]), ms(w.latency_us["max"]),
        count(run.unexpected), w.socket_errors, str(w.zero_seconds), str(w.longest_gap),
        count(w.slowest_second) if w.slowest_second is not None else "—",
        pct(run.cpu_pct(run.wrk_cpu_s)), pct(run.cpu_pct(run.app_cpu_s)), proxy_cpu(run),
    ]


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def reference_rows(runs):
    """Per container: "/" on h2, each reference run's requests/s, and the comparisons."""
    kinds = [k for k in REFERENCE_KINDS if any(r.kind == k for r in runs)]
    header = ["container", '"/" h2 req/s'] + [f"{KIND_NAMES[k]} req/s" for k in kinds]
    comparisons = [(heading, compare) for heading, compare in COMPARISONS
                   if any(compare(runs, c) is not None for c in dict.fromkeys(r.container for r in runs))]
    header += [heading for heading, _ in comparisons]
    rows = []
    for container in dict.fromkeys(r.container for r in runs):
        row = [container]
        for kind in ["page"] + kinds:
            run = run_of(runs, kind, container)
            row.append(count(run.requests_per_s) if run else "—")
        for _, compare in comparisons:
            value = compare(runs, container)
            row.append(f"{value:.2f}" if value is not None else "—")
        rows.append(row)
    return header, rows


def warmup_rows(runs):
    """Each run's warm-up: its length, whether it ended steady, and each slice's requests/s."""
    rows = []
    for run in runs:
        if not run.warmups:
            continue
        ramp = " → ".join(count(w.requests_per_s) for w in run.warmups)
        rows.append([str(run.n), run.name, str(run.warmup_s), "yes" if run.steady else "no", ramp,
                     count(run.requests_per_s) if run.measured else "—"])
    return rows


def scale_out_table(pairs):
    single, scaled = pairs[0][1], pairs[0][2]
    a, b = single.setup, scaled.setup
    header = ["container", f"{a} req/s", f"{b} req/s", f"{b} ÷ {a}", f"{a} p99 ms", f"{b} p99 ms",
              f"{a} max ms", f"{b} max ms", f"{a} s without completions", f"{b} s without completions",
              f"{a} app CPU", f"{b} app CPU", f"{b} nginx CPU"]
    rows = []
    for container, single, scaled in pairs:
        both = (single, scaled)
        share = (f"{scaled.requests_per_s / single.requests_per_s:.2f}"
                 if single.measured and scaled.measured and single.requests_per_s else "—")
        rows.append([container, *(requests_per_s_text(r) for r in both), share,
                     *(ms(r.wrk.latency_us["p99"]) if r.measured else "—" for r in both),
                     *(ms(r.wrk.latency_us["max"]) if r.measured else "—" for r in both),
                     *(str(r.wrk.zero_seconds) if r.measured else "—" for r in both),
                     *(pct(r.cpu_pct(r.app_cpu_s)) if r.measured else "—" for r in both),
                     proxy_cpu(scaled)])
    return table(header, rows)


def requests_per_s_text(run):
    return count(run.requests_per_s) if run.measured else OUTCOME_TEXT.get(run.outcome, run.outcome)


def scale_out_section(pairs, machine):
    single, scaled = pairs[0][1], pairs[0][2]
    return [
        "", f"## {setup_title(single)} vs {setup_title(scaled)}, on PostgreSQL", "",
        f"The seed's advice: \"more instances with fewer threads each\". Both setups run on the shared store, a new "
        f"database for each run. In the {scaled.setup} runs"
        f"{' and the ' + single.setup + ' runs' if single.store in PROXIED_STORES else ''} wrk's load goes to nginx "
        "(one worker, examples/scale-out/nginx.conf.template), which spreads it over the instances; their app CPU is all the JVMs "
        "together, and their warm-up is as many times longer as there are instances, so that each JVM is about as "
        f"warm as the single one. nginx runs on the same {machine.get('cpus', '?')} cores as the instances, wrk and PostgreSQL, so "
        "this comparison includes the proxy's cost: nginx's CPU is CPU the instances did not get.",
        "", scale_out_table(pairs),
    ]


def overload_rows(runs):
    rows = []
    for run in runs:
        if run.kind != "overload":
            continue
        if not run.measured:
            rows.append([run.container, OUTCOME_TEXT.get(run.outcome, run.outcome)] + ["—"] * 7)
            continue
        w = run.wrk
        rows.append([
            run.container, count(w.requests_per_s), count(w.count_statuses(200, 299)),
            count(w.statuses.get(503, 0)), count(w.non_2xx - w.statuses.get(503, 0)), w.socket_errors,
            ms(w.latency_us["p99"]), ms(w.latency_us["max"]), str(w.zero_seconds),
        ])
    return rows


def results_markdown(runs, machine, charts, raw_dir):
    kinds = {r.kind for r in runs}
    duration = max((r.wrk.seconds for r in runs if r.measured), default=0)
    figure_header = ["#", "container", "run", "path", "requests/s", "p50 ms", "p99 ms", "max ms", "unexpected status",
                     "socket errors c/r/w/t", "s without completions", "longest gap s", "slowest s",
                     "wrk CPU", "app CPU", "nginx CPU"]
    parts = [
        f"# Jope load test, {machine.get('date', '')}",
        "",
        f"{'**Smoke run: a check of the harness, not a measurement.** ' if '--smoke' in machine.get('command', '') else ''}"
        f"100 clients fetch \"/\" for {duration:.0f} s on each container and store, as in the seed's test, beside "
        "its references in the same run: a bare servlet in a plain Spring Boot app (the ceiling), the page a user "
        "would write instead (Spring MVC and JdbcTemplate), /hello behind Jope's filters, a 304 answer, \"/\" "
        "without the access log, and a page in a big folder against one in the root. Each JVM is warmed up until "
        "its rate is steady. See bench/README.md for what each figure means.",
        "",
        "## Findings",
        "",
        findings(runs, machine),
        "",
        "## Machine",
        "",
    ]
    parts += [f"- {key}: {value}" for key, value in machine.items()]
    parts += ["", "## Every run at 100 connections", ""]
    parts.append(table(figure_header, [figure_row(r) for r in runs if r.kind != "overload"]))
    header, rows = reference_rows(runs)
    if len(header) > 2:
        parts += ["", '## "/" against its references', "",
                  'Each reference runs on h2 (bench/plain on an H2 file of its own); "/" h2 is the run they divide.',
                  "", table(header, rows)]
    ramps = warmup_rows(runs)
    if ramps:
        parts += ["", "## Warm-up", "",
                  "Each slice's requests/s, until two in a row were within 5% of each other (steady) or the limit "
                  "was reached; the measured run starts after the last one.", "",
                  table(["#", "run", "warm-up s", "steady", "slices, requests/s", "measured requests/s"], ramps)]
    pairs = scale_out_pairs(runs)
    if pairs:
        parts += scale_out_section(pairs, machine)
    if "overload" in kinds:
        threads, connections = next((r.threads, r.connections) for r in runs if r.kind == "overload")
        parts += ["", f"## Overload: {connections} connections, {threads} threads, pool 7, h2", "",
                  table(["container", "requests/s", "2xx", "503", "other non-2xx", "socket errors c/r/w/t",
                         "p99 ms", "max ms", "s without completions"], overload_rows(runs))]
    if charts:
        parts += ["", "## Completions per second", "",
                  "One line per container; a red dot is a second without a single completion."]
        for file_name, title in charts:
            parts += ["", f"![{title}]({file_name})"]
    failed = [r for r in runs if r.outcome != "ok"]
    if failed:
        parts += ["", "## Runs that did not complete"]
        for run in failed:
            parts += ["", f"### {run.n}. {run.name}: {OUTCOME_TEXT.get(run.outcome, run.outcome)}"]
            for log in run_logs(run, raw_dir):
                parts += ["", f"The last lines of raw/{log.name}:", "", "```", log_tail(log), "```"]
    return "\n".join(parts) + "\n"


def run_logs(run, raw_dir):
    """The logs that tell why a run failed: PostgreSQL's, or every app's (PREFIX.app.log, PREFIX.app-N.log) and
    nginx's error log."""
    if run.outcome == "store-failed":
        return [raw_dir / "postgres.log"]
    return sorted(raw_dir.glob(f"{run.prefix}.*.log")) or [raw_dir / f"{run.prefix}.app.log"]


# bench/run's smoke check reads columns 1 (n), 8 (requests_per_s) and 9 (chart): keep them there.
SUMMARY_COLUMNS = ["n", "kind", "container", "store", "path", "connections", "outcome", "requests_per_s", "chart",
                   "p50_ms", "p99_ms", "max_ms", "non_2xx", "status_503", "socket_errors_crwt", "zero_seconds",
                   "longest_gap_s", "slowest_second", "wrk_cpu_pct", "app_cpu_pct", "instances", "threads",
                   "proxy_cpu_pct", "warmup_s", "steady"]


def summary_row(run):
    w = run.wrk if run.measured else WrkFigures()
    latency = w.latency_us or {"p50": 0, "p99": 0, "max": 0}
    return [run.n, run.kind, run.container, run.store, run.path, run.connections, run.outcome,
            f"{run.requests_per_s:.1f}", run.chart, ms(latency["p50"]), ms(latency["p99"]), ms(latency["max"]),
            w.non_2xx, w.statuses.get(503, 0), w.socket_errors, w.zero_seconds, w.longest_gap,
            w.slowest_second if w.slowest_second is not None else "",
            f"{run.cpu_pct(run.wrk_cpu_s):.0f}", f"{run.cpu_pct(run.app_cpu_s):.0f}", run.instances, run.threads,
            f"{run.cpu_pct(run.proxy_cpu_s):.0f}", run.warmup_s, int(run.steady)]


def write(results_dir):
    results_dir = Path(results_dir)
    raw_dir = results_dir / "raw"
    machine = read_machine(raw_dir)
    runs = read_runs(raw_dir)
    charts = write_charts(results_dir, runs)
    (results_dir / "results.md").write_text(results_markdown(runs, machine, charts, raw_dir))
    with open(results_dir / "summary.tsv", "w", newline="") as summary:
        writer = csv.writer(summary, delimiter="\t", lineterminator="\n")
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerows(summary_row(run) for run in runs)
    print(findings(runs, machine))


def brief(wrk_file):
    w = parse_wrk(wrk_file)
    if not w or not w.duration_us:
        print("no figures: wrk printed none (see the raw file)")
        return
    statuses = ", ".join(f"{status}: {count(n)}" for status, n in sorted(w.statuses.items()))
    print(f"{count(w.requests_per_s)} requests/s, p99 {ms(w.latency_us['p99'])} ms, "
          f"max {ms(w.latency_us['max'])} ms, statuses {statuses or 'none'}, socket errors c/r/w/t {w.socket_errors}, "
          f"{w.zero_seconds} s without completions, wrk CPU {pct(100 * w.cpu_ticks / CLOCK_TICKS / w.seconds)}")


def rate(wrk_file):
    w = parse_wrk(wrk_file)
    print(f"{w.requests_per_s:.1f}" if w else "0")


if __name__ == "__main__":
    commands = {"brief": brief, "rate": rate, "write": write}
    if len(sys.argv) != 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2])
