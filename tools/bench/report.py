"""Tables, scaling exponents and JSON output for cv-bench.py and routes.py."""
import json
import math
import os


def slope(x0, y0, x1, y1):
    """log-log slope between two points; None unless all are positive."""
    if min(x0, y0, x1, y1) <= 0 or x0 == x1:
        return None
    return math.log(y1 / y0) / math.log(x1 / x0)


def fit_slope(points):
    """Least-squares slope of log y on log x over the points with positive
    coordinates; None with fewer than two distinct x."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    if sxx == 0:
        return None
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx


def derive(rows, min_added):
    """Fills in ratio, added time and exponents for the rows of one workload.
    Each row is a dict with instructions, verify and cv (Series or None).
    Exponents use only rows whose added time is at least min_added seconds:
    below that, process start-up noise dominates the difference. Returns
    the least-squares exponent over those rows and how many there were."""
    prev = None
    for row in rows:
        v, c = row.get("verify"), row.get("cv")
        vt = v.cpu_median() if v else None
        ct = c.cpu_median() if c else None
        vr = v.rss_peak_mib() if v else None
        cr = c.rss_peak_mib() if c else None
        row["verify_cpu"], row["cv_cpu"] = vt, ct
        row["verify_rss"], row["cv_rss"] = vr, cr
        row["ratio"] = ct / vt if vt and ct is not None else None
        row["rss_ratio"] = cr / vr if vr and cr is not None else None
        row["added"] = ct - vt if vt is not None and ct is not None else None
        row["exponent"] = None
        if row["added"] is not None and row["added"] >= min_added and row.get("instructions"):
            if prev is not None:
                row["exponent"] = slope(prev["instructions"], prev["added"],
                                        row["instructions"], row["added"])
            prev = row
    pts = [(r["instructions"], r["added"]) for r in rows
           if r["added"] is not None and r["added"] >= min_added and r.get("instructions")]
    return fit_slope(pts), len(pts)


def _f(x, fmt):
    return "-" if x is None else fmt % x


def _series_cell(s, value, fmt, timeout):
    """A number, or why there is none."""
    if s is None:
        return "-"
    if s.skipped is not None:
        return "SKIPPED"
    if s.failure is not None:
        return s.failure.label(timeout)
    return _f(value, fmt)


COLUMNS = ["size", "instructions", "verify CPU s", "cv CPU s", "ratio",
           "verify RSS MiB", "cv RSS MiB", "RSS ratio", "added s", "exponent"]


def table(rows, timeout):
    """Text table of one workload's rows. A row whose input could not be
    built shows the reason after its size."""
    body, errors = [], {}
    for n, r in enumerate(rows):
        if r.get("error"):
            errors[n] = r["error"]
            body.append([str(r["size"])])
            continue
        v, c = r.get("verify"), r.get("cv")
        body.append([
            str(r["size"]),
            "{:,}".format(r["instructions"]),
            _series_cell(v, r["verify_cpu"], "%.3f", timeout),
            _series_cell(c, r["cv_cpu"], "%.3f", timeout),
            _f(r["ratio"], "%.2f"),
            _f(r["verify_rss"], "%.1f"),
            _f(r["cv_rss"], "%.1f"),
            _f(r["rss_ratio"], "%.2f"),
            _f(r["added"], "%.3f"),
            _f(r["exponent"], "%.2f"),
        ])
    widths = [len(h) for h in COLUMNS]
    for line in body:
        for i, cell in enumerate(line):
            widths[i] = max(widths[i], len(cell))
    out = ["  ".join(h.rjust(w) for h, w in zip(COLUMNS, widths))]
    out.append("  ".join("-" * w for w in widths))
    for n, line in enumerate(body):
        if n in errors:
            out.append(line[0].rjust(widths[0]) + "  " + errors[n])
        else:
            out.append("  ".join(cell.rjust(w) for cell, w in zip(line, widths)))
    return "\n".join(out)


def build_table(rows):
    """Text table of the inputs alone (--build-only)."""
    head = ["size", "instructions", "functions", "units", "bitcode MiB", "build s"]
    body = []
    for r in rows:
        if r.get("error"):
            body.append([str(r["size"]), r["error"], "", "", "", ""])
            continue
        body.append([str(r["size"]), "{:,}".format(r["instructions"]), "{:,}".format(r["functions"]),
                     str(r["units"]), "%.1f" % (r["bitcode_bytes"] / 2.0 ** 20),
                     "%.1f" % r["build_s"]])
    return text_table(head, body)


def text_table(head, body, left=0):
    """Columns under a header and a rule; the first `left` columns are
    aligned left, the others right."""
    widths = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]

    def line(cells):
        return "  ".join(c.ljust(w) if i < left else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    out = [line(head), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in body]
    return "\n".join(out)


def write_json(path, data):
    """Writes data to path through a temporary file, so a reader never sees
    half of it."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)
