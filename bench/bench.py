#!/usr/bin/env python3
"""connlint's benchmark: times the CLI, the Maven goal and the I/O floor, reports medians.

Run through bench/run.sh (which builds connlint first); see docs/performance.md. Every command is
timed with /usr/bin/time (wall seconds, user and system CPU, peak RSS), once as a warm-up that is
not counted, then --runs times; the report gives the median of each. Only the Python 3 standard
library is used.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen  # noqa: E402

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw)


def timed(cmd, cwd, env=None, expect=(0,)):
    """Runs cmd once under /usr/bin/time: (wall s, user s, sys s, peak RSS KiB)."""
    out = os.path.join(WORK, "time.txt")
    p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out] + cmd, cwd=cwd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode not in expect:
        sys.exit(f"bench: {' '.join(cmd)} exited {p.returncode} in {cwd}:\n{p.stderr[-3000:]}")
    with open(out) as f:
        fields = f.read().split()[-4:]
    return float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])


def measure(label, cmd, cwd, runs, env=None, expect=(0,)):
    timed(cmd, cwd, env, expect)  # warm-up: page cache, CDS mapping, Maven's repository
    return summary(label, cmd, [timed(cmd, cwd, env, expect) for _ in range(runs)])


def measure_alternating(specs, cwd, runs):
    """Like measure, for commands compared with each other: one warm-up each, then the commands
    take turns, so a drift of the machine's speed during the runs falls on all of them alike."""
    for _, _, cmd in specs:
        timed(cmd, cwd, None, (0,))
    samples = {key: [] for key, _, _ in specs}
    for _ in range(runs):
        for key, _, cmd in specs:
            samples[key].append(timed(cmd, cwd, None, (0,)))
    return {key: summary(label, cmd, samples[key]) for key, label, cmd in specs}


def summary(label, cmd, samples):
    """Medians of wall and CPU time and the peak RSS of timed runs, printed as they come."""
    result = {
        "label": label,
        "cmd": " ".join(cmd),
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] + s[2] for s in samples),
        "rss_mib": max(s[3] for s in samples) / 1024.0,
        "walls": [s[0] for s in samples],
    }
    print(f"  {label:<44} median {result['wall']:.3f} s wall, {result['cpu']:.3f} s cpu, "
          f"peak {result['rss_mib']:.0f} MiB  (runs: {', '.join(f'{w:.2f}' for w in result['walls'])})",
          flush=True)
    return result


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024 // 1024
    java = sh(["java", "-version"]).stderr.splitlines()
    mvn = sh(["mvn", "-v"]).stdout.splitlines()
    return {
        "cpu": f"{os.cpu_count()} × {cpu}",
        "memory": f"{mem} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "java": java[1].strip() if len(java) > 1 else (java[0] if java else "?"),
        "maven": re.sub(r"\x1b\[[0-9;]*m", "", mvn[0]).strip() if mvn else "?",
        "percona-toolkit": sh(["pt-variable-advisor", "--version"]).stdout.strip(),
    }


def connlint_cmd(args):
    launcher = os.path.join(ROOT, "cli", "target", "connlint")
    if args.jar:
        return ["java", "-jar", args.jar, "check"]
    if os.path.exists(launcher):
        return [launcher, "check"]
    return ["java", "-jar", os.path.join(ROOT, "cli", "target", "connlint.jar"), "check"]


def main(argv):
    global WORK
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="timed runs per command (after one warm-up)")
    p.add_argument("--sizes", default="1000,10000,20000", help="repository sizes in files")
    p.add_argument("--maven-units", type=int, default=5, help="units (3 modules each) of the Maven example")
    p.add_argument("--jar", help="time `java -jar JAR check` instead of cli/target/connlint")
    p.add_argument("--m2", required=True, help="the private local repository the plugin was installed into")
    p.add_argument("--settings", required=True, help="Maven settings for that repository")
    p.add_argument("--work", default=os.path.join(HERE, "target"))
    p.add_argument("--label", default="", help="a word for this run in the report (e.g. before, after)")
    p.add_argument("--docs", help="replace the figures between the bench markers of this file")
    p.add_argument("--skip-maven", action="store_true")
    args = p.parse_args(argv)
    WORK = args.work
    os.makedirs(WORK, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = load()
    check = connlint_cmd(args)
    print(f"bench: {' '.join(check)}; {args.runs} runs each; load average {load_before}", flush=True)

    results = {}
    # 1. connlint check and cat at every size
    for n in sizes:
        repo = os.path.join(WORK, f"repo-{n}")
        if not os.path.exists(os.path.join(repo, "connlint.yml")) or _files(repo) != n:
            gen.generate(n, repo, "units", "")
        results[f"check-{n}"] = measure(f"connlint check, {n} files", check + [".", "-q", "--fail-on", "never"],
                                        repo, args.runs)
        results[f"cat-{n}"] = measure(f"cat of the same {n} files", [
            "sh", "-c", "find . -type f ! -name connlint.yml -print0 | xargs -0 cat > /dev/null"], repo, args.runs)

    # 2. one small project against pt-variable-advisor on the same server's variables
    single = os.path.join(WORK, "single")
    gen.generate(10, single, "single", "")
    results["small"] = measure("connlint check, one small project (10 files)",
                               check + [".", "-q", "--fail-on", "never"], single, args.runs)
    results["pt"] = measure("pt-variable-advisor on its server's variables",
                            ["pt-variable-advisor", "--no-version-check", "--source-of-variables", "variables.tsv"],
                            single, args.runs)

    # 3. mvn connlint:check against mvn validate on a multi-module build
    if not args.skip_maven:
        mvn_repo = os.path.join(WORK, "maven")
        gen.generate(args.maven_units * gen.FILES_PER_UNIT, mvn_repo, "maven", plugin_version())
        mvn = ["mvn", "-B", "-q", "-o", "-s", args.settings, f"-Dmaven.repo.local={args.m2}"]
        # resolve everything once online (from the private repository's mirror), then time offline
        subprocess.run([a for a in mvn if a != "-o"] + ["connlint:check"], cwd=mvn_repo, check=True,
                       stdout=subprocess.DEVNULL)
        # the two builds compared take turns, twice as many runs as the others (a Maven build's
        # wall time varies by a tenth of a second from run to run); the warm-up of connlint:check
        # keeps its outcome, the timed runs repeat it (nothing changed), as in an unchanged project
        modules = 3 * args.maven_units + 1
        results.update(measure_alternating([
            ("validate", f"mvn validate ({modules} modules)", mvn + ["validate"]),
            ("mvncheck", f"mvn connlint:check ({modules} modules, nothing changed)", mvn + ["connlint:check"]),
        ], mvn_repo, 2 * args.runs + 1))
        # the check itself, every time
        results["mvncold"] = measure(f"mvn connlint:check -Dconnlint.cache=false ({3 * args.maven_units + 1} modules)",
                                     mvn + ["connlint:check", "-Dconnlint.cache=false"], mvn_repo, args.runs)

    report = render(args, results, sizes, started, load_before, load(), machine(), " ".join(check))
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(report)
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    print(report)
    if args.docs:
        write_docs(args.docs, report)
        print(f"bench: figures written to {args.docs}")
    met = [r[3] for r in targets(results, sizes)]
    print(f"bench: {sum(met)} of {len(met)} targets met")
    return 0


def _files(repo):
    count = 0
    for _, dirs, files in os.walk(repo):
        count += sum(1 for f in files if f != "connlint.yml")
    return count


def plugin_version():
    with open(os.path.join(ROOT, "pom.xml")) as f:
        m = re.search(r"<artifactId>connlint-parent</artifactId>\s*<version>([^<]+)</version>", f.read())
    return m.group(1) if m else "0.1.0-SNAPSHOT"


def targets(results, sizes):
    """(target, measured, limit, met, CPU-time figure) for every target that this run measured.

    The targets are on wall time; the same ratio of CPU times (user + system) is given beside it,
    since on a shared machine it moves much less with the load than wall time does."""
    rows = []

    def ratio(a, b, key):
        return results[a][key] / max(results[b][key], 1e-3)

    if "check-10000" in results:
        w = results["check-10000"]["wall"]
        rows.append(("10k files: wall", f"{w:.2f} s", "≤ 2 s", w <= 2.0, f"{results['check-10000']['cpu']:.2f} s"))
        r = ratio("check-10000", "cat-10000", "wall")
        rows.append(("10k files: × cat of the same files", f"{r:.1f} ×", "≤ 9 ×", r <= 9.0,
                     f"{ratio('check-10000', 'cat-10000', 'cpu'):.1f} ×"))
    if "check-10000" in results and "check-20000" in results:
        r = ratio("check-20000", "check-10000", "wall")
        rows.append(("20k / 10k files", f"{r:.2f}", "≤ 2.05", r <= 2.05,
                     f"{ratio('check-20000', 'check-10000', 'cpu'):.2f}"))
    if "mvncheck" in results:
        r = ratio("mvncheck", "validate", "wall")
        rows.append(("mvn connlint:check / mvn validate", f"{r:.2f}", "≤ 1.15", r <= 1.15,
                     f"{ratio('mvncheck', 'validate', 'cpu'):.2f}"))
    if "small" in results:
        r = ratio("small", "pt", "wall")
        rows.append(("one small project / pt-variable-advisor", f"{r:.2f}", "≤ 2", r <= 2.0,
                     f"{ratio('small', 'pt', 'cpu'):.2f}"))
    if "check-20000" in results:
        rss = results["check-20000"]["rss_mib"]
        rows.append(("peak RSS at 20k files", f"{rss:.0f} MiB", "≤ 256 MiB", rss <= 256, ""))
    return rows


def render(args, results, sizes, started, load_before, load_after, m, check):
    lines = [f"### Run {started:%Y-%m-%d %H:%M} UTC" + (f" ({args.label})" if args.label else ""), ""]
    lines.append(f"Machine: {m['cpu']}, {m['memory']}, {m['os']}; {m['java']}; {m['maven']}; "
                 f"{m['percona-toolkit']}. Load average (1, 5, 15 min) {load_before} before, {load_after} after.")
    check = check.replace(ROOT + os.sep, "")
    lines.append(f"Command timed: `{check} . -q --fail-on never`; {args.runs} runs after one warm-up, medians; "
                 "peak RSS is the largest of the runs.")
    lines += ["", "| target | measured (wall) | limit | met | the same in CPU time |", "|---|---|---|---|---|"]
    for name, measured, limit, met, cpu in targets(results, sizes):
        lines.append(f"| {name} | {measured} | {limit} | {'yes' if met else '**no**'} | {cpu} |")
    lines += ["", "| what | median wall | median CPU (user+sys) | peak RSS |", "|---|---|---|---|"]
    for r in results.values():
        lines.append(f"| {r['label']} | {r['wall']:.3f} s | {r['cpu']:.3f} s | {r['rss_mib']:.0f} MiB |")
    if "mvncold" in results and "validate" in results:
        cold = results["mvncold"]["wall"] / max(results["validate"]["wall"], 1e-3)
        lines += ["", f"Not a target: `mvn connlint:check -Dconnlint.cache=false` (the check done every time) "
                      f"/ `mvn validate` = {cold:.2f}."]
    lines.append("")
    return "\n".join(lines)


def write_docs(path, report):
    with open(path) as f:
        text = f.read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + BEGIN + "\n" + report + END + tail
    else:
        text = text.rstrip("\n") + "\n\n" + BEGIN + "\n" + report + END + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
