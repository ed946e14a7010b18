#!/usr/bin/env python3
"""What `organisation_latest` costs (issue 11): the statement `Store::submit` adds to every
submission's transaction, and the migration's back-fill, in SQLite itself.

Builds a database from the collection server's own migrations (collector/migrations/*.sql, in
order) with ORGS organisations x 4 assessments (synthetic rows, 13 domains left out: the
statement does not read them), then times, with a prepared statement as sqlx keeps them:
  - the back-fill of the migration (emptied table, filled again by the migration's statement);
  - the upsert of `Store::submit` (read from collector/src/store/dashboard.rs), once for every
    organisation, all in one transaction;
  - a trivial statement the same way, for what a statement costs at all.

usage: bench/organisation-latest.py [ORGS]      (10000 by default)
"""

import glob
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def keep_latest_sql():
    """The `KEEP_LATEST` statement, put together as `concat!` does."""
    source = open(os.path.join(ROOT, "collector/src/store/dashboard.rs"), encoding="utf-8").read()
    order = re.search(r'macro_rules! latest_first \{\s*\(\) => \{\s*"([^"]*)"', source).group(1)
    body = re.search(r"const KEEP_LATEST: &str = concat!\((.*?)\n\);", source, re.S).group(1)
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"|(latest_first!\(\))', body, re.S)
    text = ""
    for literal, macro in pieces:
        text += order if macro else re.sub(r"\\\n\s*", "", literal)
    return text.replace("$1", "?1")


def main():
    orgs = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(tmp, "bench.db"), isolation_level=None)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        migrations = sorted(glob.glob(os.path.join(ROOT, "collector/migrations/*.sql")))
        for path in migrations:
            db.executescript(open(path, encoding="utf-8").read())
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO organisations (id, name, sector, size, created) VALUES (?, ?, 'CPTS', '1-9', 'x')",
            [(i, f"Organisation {i:05}") for i in range(1, orgs + 1)],
        )
        db.executemany(
            "INSERT INTO assessments (assessment_id, org_id, organisation, assessed, score, level, "
            "next_assessment, document, received) VALUES (?, ?, 'x', ?, ?, ?, NULL, '{}', ?)",
            [
                (f"a{i}-{r}", i, f"{2024 + r // 2}-{1 + 6 * (r % 2):02}-01", 40.0 + r * 3.3, r, f"t{r}")
                for i in range(1, orgs + 1)
                for r in range(4)
            ],
        )
        db.execute("COMMIT")
        latest = open(next(p for p in migrations if p.endswith("_latest.sql")), encoding="utf-8").read()
        fill = latest[latest.index("INSERT INTO organisation_latest"):]
        db.execute("DELETE FROM organisation_latest")
        start = time.perf_counter()
        db.execute(fill)
        print(f"back-fill of {orgs} organisations x 4 assessments: {(time.perf_counter() - start) * 1000:.0f} ms")

        upsert = keep_latest_sql()
        for label, sql in [("Store::submit's upsert", upsert), ("a trivial statement", "SELECT ?1 WHERE 0")]:
            runs = []
            for _ in range(3):
                db.execute("BEGIN")
                start = time.perf_counter()
                for org in range(1, orgs + 1):
                    db.execute(sql, (org,))
                runs.append((time.perf_counter() - start) / orgs * 1e6)
                db.execute("COMMIT")
            print(f"{label}: {statistics.median(runs):.1f} µs a statement (median of 3 runs: {', '.join(f'{r:.1f}' for r in runs)})")
        rows = db.execute("SELECT COUNT(*), SUM(assessments) FROM organisation_latest").fetchone()
        assert rows == (orgs, orgs * 4), rows


if __name__ == "__main__":
    main()
