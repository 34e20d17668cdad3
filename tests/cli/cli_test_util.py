"""Shared helpers for the CLI tests: run the real binary, compare with golden files."""
import json
import os
import pty
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("THEMESCAN", SOURCE_DIR / "build" / "themescan")).resolve()
GOLDEN_DIR = SOURCE_DIR / "tests" / "golden"
DATA_DIR = SOURCE_DIR / "tests" / "data"
SHARED_DIR = SOURCE_DIR.parent / "shared"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def run(*args, stdin=None, env=None, cwd=SOURCE_DIR, **kwargs):
    """Runs themescan with `args` in the source folder; returns the CompletedProcess."""
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run([str(BINARY), *map(str, args)], input=stdin, capture_output=True,
                          env=full_env, cwd=cwd, timeout=120, **kwargs)


def load_schema_validator(name):
    """A jsonschema validator for docs/schema/NAME; references between our schemas resolve
    through their $id, never through the network."""
    import jsonschema
    schema_dir = SOURCE_DIR / "docs" / "schema"
    store = {}
    for path in schema_dir.glob("*.schema.json"):
        schema = json.loads(path.read_text())
        store[schema["$id"]] = schema
    schema = json.loads((schema_dir / name).read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    return cls(schema, resolver=resolver)


class GoldenTestCase(unittest.TestCase):
    maxDiff = None

    def assert_golden(self, name, actual):
        """Compares `actual` with tests/golden/NAME (rewrites it when UPDATE_GOLDEN=1)."""
        path = GOLDEN_DIR / name
        if UPDATE_GOLDEN:
            path.write_bytes(actual)
            return
        self.assertTrue(path.exists(), f"golden file {path} is missing; run scripts/update-golden.sh")
        self.assertEqual(path.read_bytes().decode(), actual.decode(),
                         f"output differs from {path}; if the change is intended, run "
                         "scripts/update-golden.sh and review the diff")


class TempDirTestCase(unittest.TestCase):
    """A fresh temporary folder per test (self.tmp), removed afterwards."""
    maxDiff = None

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="themescan-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def write(self, name, data):
        """Writes `data` (str or bytes) to self.tmp/name, making folders; returns the path."""
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        return path


def require_program(program, package, version_prefix=None):
    """The path of `program`; fails (never skips) when Debian's `package` is not installed, or
    when `program --version` does not start with `version_prefix` (another program of that
    name)."""
    path = shutil.which(program)
    version = subprocess.run([path, "--version"], capture_output=True, text=True,
                             timeout=30).stdout if path and version_prefix else ""
    if not path or (version_prefix and not version.startswith(version_prefix)):
        other = f" ({path} is another program)" if path else ""
        raise AssertionError(f"{program} from the Debian package {package} is needed{other}: "
                             f"apt-get install {package}")
    return path


def run_on_pty(*args, stream="stdout", env=None):
    """Runs themescan in the source folder with `stream` ("stdout" or "stderr") on a
    pseudo-terminal and the other one discarded; returns (exit code, what the terminal got)."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: slave}
    proc = subprocess.Popen([str(BINARY), *map(str, args)], cwd=SOURCE_DIR, env=full_env,
                            stdout=streams["stdout"], stderr=streams["stderr"])
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks)
