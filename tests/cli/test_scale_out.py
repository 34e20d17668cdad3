"""Scale-out tests: shards of corpus/ run with GNU parallel, xargs -P and on a real Dask
cluster (scripts/dask_shards.py), then `themescan merge`, give exactly the output of one run;
merge refuses a part without a summary. The shell commands are those of README.md ("More than one machine").

Run: THEMESCAN=build/themescan python3 tests/cli/test_scale_out.py [-v] [TestClass]
Needs the Debian packages parallel and python3-distributed: without them the tests fail.
"""
import json
import math
import os
import signal
import subprocess
import sys
import time
import unittest

from cli_test_util import BINARY, SOURCE_DIR, TempDirTestCase, require_program, run

SHARDS = 3


class ScaleOutTestCase(TempDirTestCase):
    """Runs in a temporary folder holding `corpus` (a link to the sample corpus), with
    themescan first on PATH, like the commands of README.md ("More than one machine")."""
    @classmethod
    def setUpClass(cls):
        single = run("--format", "jsonl", "corpus")  # in SOURCE_DIR: paths corpus/NAME
        assert single.returncode == 0, single.stderr.decode()
        cls.single = single.stdout
        cls.records = [json.loads(line) for line in cls.single.splitlines()]
        cls.files = [r["document"]["path"] for r in cls.records if r["record"] == "document"]

    def setUp(self):
        super().setUp()
        (self.tmp / "corpus").symlink_to(SOURCE_DIR / "corpus")
        self.env = dict(os.environ, PATH=f"{BINARY.parent}{os.pathsep}{os.environ['PATH']}")
        self.env.pop("NO_COLOR", None)

    def sh(self, script):
        """Runs `script` with bash -e in the temporary folder; returns its stdout."""
        result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=self.tmp,
                                env=self.env, capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result.stdout

    def assert_same_as_single_run(self, merged):
        """`merged` is byte for byte the output of one `themescan --format jsonl corpus`."""
        self.assertEqual(merged.splitlines()[-1].decode(), self.single.splitlines()[-1].decode(),
                         "the merged summary differs from the summary of a single run")
        self.assertEqual(merged.decode(), self.single.decode())

    def list_files(self):
        """Writes files.txt as README.md ("More than one machine") does and checks it against the documents
        of a single run (same files, same order); returns its lines."""
        files = self.sh(FIND_FILES + "cat files.txt").decode().splitlines()
        self.assertEqual(files, self.files)
        return files


# The commands of README.md ("More than one machine"), run as written there (themescan on PATH).
FIND_FILES = """\
find -L corpus -type f \\( -iname '*.txt' -o -iname '*.md' -o -iname '*.html' -o -iname '*.htm' \\
  -o -iname '*.pdf' -o -iname '*.docx' \\) ! -path '*/.*' \\
  | LC_ALL=C sort > files.txt
"""
PARALLEL_FILES = """\
n=$(wc -l < files.txt); shards=3
parallel --will-cite -j2 -N $(( (n + shards - 1) / shards )) \\
  themescan --format jsonl -o part-{#}.jsonl {} :::: files.txt
themescan merge $(ls part-*.jsonl | sort -V) > corpus.jsonl
"""
PARALLEL_PIPE = """\
parallel --will-cite --keep-order -j2 -N 4 themescan --format jsonl :::: files.txt \\
  | themescan merge - > corpus.jsonl
"""
XARGS = """\
n=$(wc -l < files.txt); shards=3
split -d -l $(( (n + shards - 1) / shards )) files.txt shard-
ls shard-?? | xargs -P 2 -I{} sh -c 'xargs -d "\\n" themescan --format jsonl < "$1" > "$1.jsonl"' sh {}
themescan merge shard-??.jsonl > corpus.jsonl
"""


class ParallelShards(ScaleOutTestCase):
    """Shards run on one machine with GNU parallel or xargs -P, then merged."""

    def test_commands_are_the_readme_commands(self):
        readme = (SOURCE_DIR / "README.md").read_text()
        for command in (FIND_FILES, PARALLEL_FILES, PARALLEL_PIPE, XARGS):
            self.assertIn("```sh\n" + command + "```", readme)

    def test_single_run_figures(self):
        # Checked by hand: corpus/ holds 10 reports and no .md file; all but
        # 06_university-industry-roundtable.txt speak of digital infrastructure (grep -il for
        # infrastruct, data cent, telecom, cloud, connectiv, инфраструкт finds the other 9),
        # with 45 hits in all (3+9+5+10+2+0+8+1+5+2 over the documents; 3 more lie inside names
        # and are not counted: the Atlantic Smart Infrastructure Conference and the Punjab Rural
        # Connectivity Mission in 02, the Nordic Critical Infrastructure Security Centre in 07);
        # the corpus word count is the sum of the documents' (716+717+...+649 = 6844).
        summary = self.records[-1]
        self.assertEqual(summary["record"], "summary")
        self.assertEqual(summary["schema"], "themescan.summary/1")
        self.assertEqual(self.files, sorted(
            [f"corpus/{p.name}" for p in (SOURCE_DIR / "corpus").glob("*.txt")] +
            [f"corpus/formats/{p.name}" for p in (SOURCE_DIR / "corpus" / "formats").iterdir()]))
        self.assertEqual((summary["documents"], summary["failed"]), (16, 0))
        documents = self.records[:-1]
        self.assertEqual(summary["words"], sum(d["document"]["words"] for d in documents))
        # The HTML, PDF and DOCX twins of 01 (716 words, 3 infrastructure hits) and 08 (588, 1)
        # add three times theirs: 6844 + 3 x 1304 words, 45 + 3 x 4 hits in 9 + 6 documents.
        self.assertEqual(summary["words"], 10756)
        infrastructure = next(t for t in summary["themes"] if t["id"] == "infrastructure")
        self.assertEqual((infrastructure["documents"], infrastructure["hits"]), (15, 57))
        without = [d["document"]["path"] for d in documents
                   if not any(t["id"] == "infrastructure" and t["hits"] for t in d["themes"])]
        self.assertEqual(without, ["corpus/06_university-industry-roundtable.txt"])

    def test_gnu_parallel_part_files(self):
        require_program("parallel", "parallel", "GNU parallel")
        self.list_files()
        self.sh(PARALLEL_FILES)
        self.assertEqual(sorted(p.name for p in self.tmp.glob("part-*.jsonl")),
                         [f"part-{n}.jsonl" for n in range(1, SHARDS + 1)])
        self.assert_same_as_single_run((self.tmp / "corpus.jsonl").read_bytes())

    def test_gnu_parallel_keep_order_into_merge_stdin(self):
        require_program("parallel", "parallel", "GNU parallel")
        self.assertEqual(math.ceil(len(self.list_files()) / SHARDS), 6)
        self.sh(PARALLEL_PIPE)
        self.assert_same_as_single_run((self.tmp / "corpus.jsonl").read_bytes())

    def test_xargs(self):
        self.list_files()
        self.sh(XARGS)
        self.assertEqual(len(list(self.tmp.glob("shard-??.jsonl"))), SHARDS)
        self.assert_same_as_single_run((self.tmp / "corpus.jsonl").read_bytes())


def dask_python():
    """A Python that imports Dask distributed: this one, else Debian's /usr/bin/python3 (this
    one may be another installation, e.g. pyenv's, without the Debian packages)."""
    for python in dict.fromkeys([sys.executable, "/usr/bin/python3"]):
        if os.access(python, os.X_OK) and subprocess.run(
                [python, "-c", "import distributed"], capture_output=True,
                timeout=60).returncode == 0:
            return python
    return None


WAIT_FOR_WORKERS = """
import sys, distributed
with distributed.Client(sys.argv[1], timeout=float(sys.argv[3])) as client:
    client.wait_for_workers(int(sys.argv[2]), timeout=float(sys.argv[3]))
"""


class DaskShards(ScaleOutTestCase):
    """scripts/dask_shards.py on a real Dask cluster: a scheduler and two workers on
    127.0.0.1, started here and stopped when the test ends."""

    TIMEOUT = 30
    python = None

    def setUp(self):
        super().setUp()
        if DaskShards.python is None:
            DaskShards.python = dask_python() or ""
        if not self.python:
            self.fail(f"Dask distributed cannot be imported by {sys.executable} nor by "
                      "/usr/bin/python3: install the Debian package python3-distributed "
                      "(apt-get install python3-distributed)")
        scheduler_file = self.tmp / "scheduler.json"
        self.start("scheduler", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                   "--port", "0", "--scheduler-file", scheduler_file, "--no-dashboard",
                   "--idle-timeout", "120s")  # gone 2 min after a test killed before cleanup
        for number in (1, 2):
            self.start(f"worker-{number}", "distributed.cli.dask_worker",
                       "--scheduler-file", scheduler_file, "--host", "127.0.0.1",
                       "--nthreads", "1", "--no-nanny", "--no-dashboard",
                       "--local-directory", self.tmp, "--death-timeout", "60")
        deadline = time.monotonic() + self.TIMEOUT
        while not scheduler_file.exists() or not scheduler_file.stat().st_size:
            self.assertLess(time.monotonic(), deadline, "no scheduler:\n" + self.logs())
            time.sleep(0.1)
        self.address = json.loads(scheduler_file.read_text())["address"]
        ready = subprocess.run([self.python, "-c", WAIT_FOR_WORKERS, self.address, "2",
                                str(self.TIMEOUT)], capture_output=True, timeout=2 * self.TIMEOUT)
        self.assertEqual(ready.returncode, 0, "the cluster did not come up:\n"
                         + ready.stderr.decode()[-2000:] + self.logs())

    def start(self, name, module, *args):
        """Starts `python -m module args` in its own process group, stopped at cleanup."""
        log = open(self.tmp / f"{name}.log", "wb")
        self.addCleanup(log.close)
        process = subprocess.Popen([self.python, "-m", module, *map(str, args)],
                                   cwd=self.tmp, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.addCleanup(self.stop, process)

    @staticmethod
    def stop(process):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)  # its own group: only what this test started
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=10)
                return
            except subprocess.TimeoutExpired:
                pass

    def logs(self):
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}"
                         for p in sorted(self.tmp.glob("*.log")))

    def dask_shards(self, *args):
        return subprocess.run([self.python, SOURCE_DIR / "scripts" / "dask_shards.py",
                               "--scheduler", self.address, "--themescan", BINARY, *args],
                              cwd=self.tmp, env=self.env, capture_output=True, timeout=60)

    def test_three_shards_merge_to_a_single_run(self):
        result = self.dask_shards("--shards", str(SHARDS), "--output", "merged.jsonl",
                                  "corpus")
        self.assertEqual(result.returncode, 0, result.stderr.decode() + self.logs())
        self.assertEqual(result.stdout, b"")
        self.assert_same_as_single_run((self.tmp / "merged.jsonl").read_bytes())

    def test_failed_documents_exit_1_and_still_merge(self):
        (self.tmp / "empty").mkdir()
        result = self.dask_shards("--shards", "2", "corpus/", "missing.txt", "empty",
                                  "--", "--quiet")
        self.assertEqual(result.returncode, 1, result.stderr.decode() + self.logs())
        single = run("--format", "jsonl", "--quiet", "corpus/", "missing.txt", "empty",
                     cwd=self.tmp)
        self.assertEqual(single.returncode, 1)
        self.assertEqual(result.stdout.decode(), single.stdout.decode())
        self.assertEqual(json.loads(result.stdout.splitlines()[-1])["failed"], 2)


class MergeMissingSummary(ScaleOutTestCase):
    """A part without its summary line (an interrupted run) is refused, and nothing is
    written."""

    def test_part_without_summary(self):
        part1 = self.tmp / "part-1.jsonl"
        part2 = self.tmp / "part-2.jsonl"
        part1.write_bytes(run("--format", "jsonl", *self.files[:5]).stdout)
        full = run("--format", "jsonl", *self.files[5:]).stdout
        self.assertTrue(full.splitlines()[-1].startswith(b'{"record":"summary"'))
        part2.write_bytes(b"".join(full.splitlines(keepends=True)[:-1]))
        message = "no summary record (the run that wrote it did not finish?)"
        for args in ([part1, part2], ["-o", self.tmp / "out.jsonl", part1, part2]):
            result = run("merge", *args)
            self.assertEqual((result.returncode, result.stdout), (1, b""))
            self.assertEqual(result.stderr.decode(), f"themescan: {part2}: {message}\n")
        self.assertFalse((self.tmp / "out.jsonl").exists())
        result = run("merge", "-", stdin=part2.read_bytes())
        self.assertEqual((result.returncode, result.stdout), (1, b""))
        self.assertEqual(result.stderr.decode(), f"themescan: <stdin>: {message}\n")


if __name__ == "__main__":
    unittest.main()
