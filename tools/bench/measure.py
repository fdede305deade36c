"""Running children and measuring them, for cv-bench.py and routes.py.

run_measured() starts one command with posix_spawn, waits for it with a
wall-clock timeout, kills it when the timeout passes, and reads its CPU time
(user + system) and peak RSS from the rusage that os.wait4 returns for that
child alone (with the children it waited for itself, such as the linker a
clang driver runs). Nothing of the benchmark's own process is counted.
run_steps() runs several commands one after the other as one run: their
CPU times add up and the peak RSS is the largest of theirs.
"""
import os
import re
import select
import signal
import statistics
import subprocess
import time


class RunResult:
    """One run of one command.

    status: "ok", "timeout", "crash" (killed by a signal) or "fail"
    (non-zero exit)."""

    def __init__(self, status, cpu, rss_kib, wall, signum=None, exit_code=None, stderr_excerpt=""):
        self.status = status
        self.cpu = cpu              # seconds, user + system
        self.rss_kib = rss_kib      # ru_maxrss, KiB on Linux
        self.wall = wall            # seconds
        self.signum = signum
        self.exit_code = exit_code
        self.stderr_excerpt = stderr_excerpt

    def label(self, timeout=None):
        """The text a table shows for a run that did not succeed."""
        if self.status == "timeout":
            return "TIMEOUT (>%gs)" % timeout if timeout else "TIMEOUT"
        if self.status == "crash":
            return "CRASH (signal %d)" % self.signum
        if self.status == "fail":
            return "FAIL (exit %d)" % self.exit_code
        return "ok"

    def to_json(self):
        d = {"status": self.status, "cpu_s": self.cpu, "peak_rss_kib": self.rss_kib,
             "wall_s": self.wall}
        if self.signum is not None:
            d["signal"] = self.signum
            try:
                d["signal_name"] = signal.Signals(self.signum).name
            except ValueError:
                pass
        if self.exit_code is not None:
            d["exit_code"] = self.exit_code
        if self.status != "ok":
            d["stderr_excerpt"] = self.stderr_excerpt
        return d


def _excerpt(path, head=15, tail=5, max_bytes=6000):
    """The first and last lines of a stderr file (a crash prints the failing
    pass first and a long stack after it)."""
    try:
        with open(path, "rb") as f:
            first = f.read(max_bytes)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(len(first), size - max_bytes))
            last = f.read()
    except OSError:
        return ""
    lines = first.decode("utf-8", "replace").splitlines()
    end = last.decode("utf-8", "replace").splitlines()
    if not end:
        if len(lines) <= head + tail:
            return "\n".join(lines)
        end = lines[-tail:]
    return "\n".join(lines[:head] + ["..."] + end[-tail:])


def _wait_with_timeout(pid, timeout):
    """Reaps pid; kills it first if it is still running after timeout seconds.
    Returns (wait status, rusage, killed). The pid is only signalled while it
    is known not to have been reaped, so a reused pid is never hit."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    if pidfd is not None:
        try:
            ready, _, _ = select.select([pidfd], [], [], timeout)
        finally:
            os.close(pidfd)
        killed = False
        if not ready:
            os.kill(pid, signal.SIGKILL)
            killed = True
        _, status, ru = os.wait4(pid, 0)
        return status, ru, killed
    # No pidfd: poll.
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        got, status, ru = os.wait4(pid, os.WNOHANG)
        if got:
            return status, ru, False
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, ru = os.wait4(pid, 0)
            return status, ru, True
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def run_measured(argv, timeout, stderr_path, env=None):
    """Runs argv (argv[0] an absolute path) with stdin and stdout on
    /dev/null and stderr into stderr_path, in env (default: this process's
    environment)."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    start = time.monotonic()
    pid = os.posix_spawn(argv[0], argv, os.environ if env is None else env,
                         file_actions=actions)
    try:
        status, ru, killed = _wait_with_timeout(pid, timeout)
    except BaseException:
        # Interrupted (Ctrl-C): do not leave the child running.
        try:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
        except OSError:
            pass
        raise
    wall = time.monotonic() - start
    cpu = ru.ru_utime + ru.ru_stime
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if killed and sig == signal.SIGKILL:
            return RunResult("timeout", cpu, ru.ru_maxrss, wall, signum=sig,
                             stderr_excerpt=_excerpt(stderr_path))
        return RunResult("crash", cpu, ru.ru_maxrss, wall, signum=sig,
                         stderr_excerpt=_excerpt(stderr_path))
    code = os.WEXITSTATUS(status)
    if code != 0:
        return RunResult("fail", cpu, ru.ru_maxrss, wall, exit_code=code,
                         stderr_excerpt=_excerpt(stderr_path))
    return RunResult("ok", cpu, ru.ru_maxrss, wall)


class Step:
    """One command of a run_steps() sequence. ok_codes: the exit statuses
    that count as success (a checker that exits 1 when it reports findings
    has (0, 1))."""

    def __init__(self, argv, env=None, ok_codes=(0,)):
        self.argv = argv
        self.env = env
        self.ok_codes = tuple(ok_codes)


def run_steps(steps, timeout, stderr_paths):
    """Runs the steps one after the other, each with its own timeout and its
    stderr into the matching path, and returns one RunResult: the sum of
    their CPU and wall times and the largest peak RSS. Stops at the first
    step that does not succeed, whose status the result carries."""
    cpu = wall = 0.0
    rss = 0
    for step, path in zip(steps, stderr_paths):
        res = run_measured(step.argv, timeout, path, step.env)
        cpu += res.cpu
        wall += res.wall
        rss = max(rss, res.rss_kib)
        if res.status == "fail" and res.exit_code in step.ok_codes:
            continue
        if res.status != "ok":
            return RunResult(res.status, cpu, rss, wall, signum=res.signum,
                             exit_code=res.exit_code,
                             stderr_excerpt=" ".join(step.argv) + "\n" + res.stderr_excerpt)
    return RunResult("ok", cpu, rss, wall)


class Series:
    """The runs of one command on one input, or of a sequence of commands
    (steps, a list of Step) measured as one run. After the first run that
    does not succeed, the command is not run again on that input."""

    def __init__(self, name, argv, steps=None):
        self.name = name
        self.argv = argv
        self.steps = steps
        self.runs = []
        self.failure = None     # the RunResult that stopped the series
        self.skipped = None     # reason the series was not run at all

    def stderr_paths(self, stderr_dir):
        """Where each run's stderr goes: NAME.stderr, or NAME.K.stderr for
        step K of a sequence."""
        if self.steps is None:
            return [os.path.join(stderr_dir, self.name + ".stderr")]
        return [os.path.join(stderr_dir, "%s.%d.stderr" % (self.name, k))
                for k in range(len(self.steps))]

    def run(self, timeout, stderr_dir):
        """One run of the command or of the sequence."""
        paths = self.stderr_paths(stderr_dir)
        if self.steps is None:
            return run_measured(self.argv, timeout, paths[0])
        return run_steps(self.steps, timeout, paths)

    @property
    def active(self):
        return self.failure is None and self.skipped is None

    def add(self, result):
        if result.status == "ok":
            self.runs.append(result)
        else:
            self.failure = result

    @property
    def ok(self):
        return self.active and bool(self.runs)

    def cpu_median(self):
        return statistics.median(r.cpu for r in self.runs) if self.ok else None

    def rss_peak_mib(self):
        return max(r.rss_kib for r in self.runs) / 1024.0 if self.ok else None

    def to_json(self):
        d = {"argv": self.argv if self.steps is None else [st.argv for st in self.steps],
             "status": self.status_word(),
             "cpu_median_s": self.cpu_median(), "peak_rss_mib": self.rss_peak_mib(),
             "runs": [r.to_json() for r in self.runs]}
        if self.failure is not None:
            d["failure"] = self.failure.to_json()
        if self.skipped is not None:
            d["skipped"] = self.skipped
        return d

    def status_word(self):
        if self.skipped is not None:
            return "skipped"
        if self.failure is not None:
            return self.failure.status
        return "ok"


def measure_pair(series, repeat, timeout, stderr_dir, progress=None):
    """Runs the series' commands repeat times each, interleaved: in round r
    the order is rotated by r, so neither command always runs first."""
    for r in range(repeat):
        k = r % len(series)
        for s in series[k:] + series[:k]:
            if not s.active:
                continue
            res = s.run(timeout, stderr_dir)
            s.add(res)
            if progress:
                progress(s, r, res)


def run_tool(argv, timeout, cwd=None):
    """Runs a build step (clang, llvm-link); returns (ok, message)."""
    try:
        r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return False, "timed out after %gs: %s" % (timeout, " ".join(argv))
    if r.returncode != 0:
        return False, "%s failed (%d):\n%s" % (os.path.basename(argv[0]), r.returncode,
                                               "\n".join(r.stderr.splitlines()[-20:]))
    return True, ""


def count_instructions(llvm_dis, bc_path, timeout):
    """Counts IR instructions and defined functions of a bitcode file from its
    llvm-dis output: lines inside function bodies that are neither labels,
    blank lines, comments nor debug-variable records (#dbg_* records and
    llvm.dbg.* intrinsic calls are left out so LLVM 19 and 22 count alike).
    Returns (instructions, functions)."""
    p = subprocess.Popen([llvm_dis, bc_path, "-o", "-"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, bufsize=1 << 20)
    insts = funcs = 0
    inside = False
    deadline = time.monotonic() + timeout
    try:
        for line in p.stdout:
            if inside:
                if line.startswith("}"):
                    inside = False
                elif line.startswith("  "):
                    s = line.lstrip()
                    if not (s.startswith("#dbg_") or s.startswith(";")
                            or "@llvm.dbg." in s):
                        insts += 1
            elif line.startswith("define ") and line.rstrip().endswith("{"):
                inside = True
                funcs += 1
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(llvm_dis, timeout)
    finally:
        p.stdout.close()
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    if p.returncode != 0:
        raise RuntimeError("llvm-dis failed on %s" % bc_path)
    return insts, funcs


def llvm_version(exe):
    """The version an LLVM tool (opt, clang) prints for --version, or "?"."""
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    m = re.search(r"(?:LLVM|clang) version (\S+)", out)
    return m.group(1) if m else "?"
