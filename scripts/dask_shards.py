#!/usr/bin/python3
"""Runs themescan over a corpus on a Dask distributed cluster and merges the shards.

    dask_shards.py --scheduler tcp://HOST:8786 [--shards N] [--themescan PATH]
                   [--output FILE] INPUT... [-- THEMESCAN_ARG...]

INPUT is a report file or a folder. Folders are expanded here the way themescan expands
them: recursively, following symbolic links to folders (a link back to a folder above it
is skipped with a warning; themescan alone would also write an error record for it),
leaving out names that start with '.', taking files whose names end in .txt, .md, .html, .htm, .pdf or .docx (any
case), sorted by their path below the folder as bytes, and named FOLDER/RELATIVE/PATH
(FOLDER as given, no '/' added when it ends in one). A folder without reports is passed on
as is, for themescan to report.

The files are cut into N contiguous shards in this order; each shard is one Dask task that
runs `themescan --format jsonl THEMESCAN_ARG... FILE...` on a worker, in this script's
working directory, so the workers need the same paths (a shared file system, or the same
checkout at the same place) and themescan at PATH. The outputs are gathered in shard order
and combined here with `themescan merge`: the result is what one
`themescan --format jsonl THEMESCAN_ARG... INPUT...` run would write.

Exit status: 0; 1 if some documents could not be analysed (the output is written and has
their error records); 2 if the cluster, a worker, themescan or the merge failed.
Needs only Debian's python3-distributed (dask-scheduler, dask-worker).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# Options that would change the shards' format or which files a folder yields.
REFUSED = {"-f", "--format", "-o", "--output", "--input-format", "--include", "--exclude"}


def expand(arg):
    """The report files of folder `arg` as themescan names them, or [arg] for anything else."""
    if not os.path.isdir(arg):
        return [arg]
    found = []

    def walk(folder, rel, above):
        for entry in os.scandir(folder):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                real = os.path.realpath(entry.path)
                if real in above:
                    print(f"dask_shards.py: {entry.path}: symbolic link loop, skipped",
                          file=sys.stderr)
                else:
                    walk(entry.path, rel + entry.name + "/", above | {real})
            elif entry.name.lower().endswith((".txt", ".md", ".html", ".htm", ".pdf", ".docx")):
                found.append(rel + entry.name)

    walk(arg, "", {os.path.realpath(arg)})
    prefix = arg if arg.endswith("/") else arg + "/"
    return [prefix + rel for rel in sorted(found, key=os.fsencode)] or [arg]


def split(items, count):
    """`items` cut into at most `count` contiguous, non-empty slices of nearly equal size."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    bounds = [i * size + min(i, extra) for i in range(count + 1)]
    return [items[bounds[i]:bounds[i + 1]] for i in range(count)]


def run_shard(themescan, args, files, cwd):
    """Runs on a worker: one themescan run over `files`; returns (exit code, stdout, stderr)."""
    result = subprocess.run([themescan, "--format", "jsonl", *args, *files],
                            cwd=cwd, capture_output=True, check=False)
    return result.returncode, result.stdout, result.stderr


def main(argv):
    cut = argv.index("--") if "--" in argv else len(argv)
    ours, extra = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], epilog="See the top of this script for details.",
        usage="%(prog)s --scheduler ADDRESS [--shards N] [--themescan PATH] [--output FILE]"
              " INPUT... [-- THEMESCAN_ARG...]")
    parser.add_argument("--scheduler", required=True, metavar="ADDRESS",
                        help="the Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--shards", type=int, default=4, metavar="N",
                        help="number of tasks (default 4)")
    parser.add_argument("--themescan", default=shutil.which("themescan") or "themescan",
                        metavar="PATH", help="themescan, the same on every machine")
    parser.add_argument("--output", metavar="FILE", help="merged JSONL (default: stdout)")
    parser.add_argument("--timeout", type=float, default=30, metavar="SECONDS",
                        help="seconds to wait for the scheduler (default 30)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report file or folder")
    opts = parser.parse_args(ours)
    refused = [a for a in extra if a.split("=")[0] in REFUSED]
    if refused or opts.shards < 1:
        parser.error(f"cannot pass {refused[0]} to themescan" if refused
                     else "--shards must be at least 1")

    files = [f for arg in opts.inputs for f in expand(arg)]
    shards = split(files, opts.shards)

    try:
        from distributed import Client  # here, so that --help works without it
    except ImportError:
        print("dask_shards.py: needs Dask distributed: apt-get install python3-distributed",
              file=sys.stderr)
        return 2
    try:
        with Client(opts.scheduler, timeout=opts.timeout) as client:
            futures = [client.submit(run_shard, opts.themescan, extra, shard, os.getcwd(),
                                     pure=False) for shard in shards]
            results = client.gather(futures)
    except Exception as error:  # no scheduler, lost worker, no themescan on a worker, ...
        print(f"dask_shards.py: {type(error).__name__}: {error}", file=sys.stderr)
        return 2

    status = 0
    for number, (code, _, stderr) in enumerate(results, 1):
        sys.stderr.buffer.write(stderr)
        if code not in (0, 1):
            print(f"dask_shards.py: shard {number}: themescan exited with {code}",
                  file=sys.stderr)
            return 2
        status = max(status, code)

    with tempfile.TemporaryDirectory(prefix="dask_shards-") as tmp:
        parts = []
        for number, (_, stdout, _) in enumerate(results, 1):
            parts.append(os.path.join(tmp, f"part-{number}.jsonl"))
            with open(parts[-1], "wb") as part:
                part.write(stdout)
        output = ["-o", opts.output] if opts.output else []
        try:
            merged = subprocess.run([opts.themescan, "merge", *output, *parts]).returncode == 0
        except OSError as error:
            print(f"dask_shards.py: {opts.themescan}: {error.strerror}", file=sys.stderr)
            merged = False
    return status if merged else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
