"""The head office's schema, checked with pgTAP (tests/hq/schema.sql) on a sandbox
cluster, plus migrations being idempotent."""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402


class Schema(unittest.TestCase):
    def test_pgtap_schema_assertions(self):
        with hq.Sandbox() as box:
            out = subprocess.run(["/usr/lib/postgresql/15/bin/psql", box.pg, "-XAtq", "-v", "ON_ERROR_STOP=1",
                                  "-f", os.path.join(os.path.dirname(__file__), "schema.sql")],
                                 capture_output=True, text=True, timeout=120)
            print(out.stdout)
            self.assertEqual(out.returncode, 0, out.stderr)
            lines = out.stdout.splitlines()
            self.assertIn("1..32", lines)
            self.assertEqual([l for l in lines if l.startswith("not ok")], [])
            self.assertEqual(len([l for l in lines if l.startswith("ok ")]), 32)
            # Migrating again applies nothing and breaks nothing.
            self.assertEqual(json.loads(box.run("migrate").stdout), {"applied": 0})
            self.assertEqual(box.psql("SELECT count(*) FROM schema_migrations"),
                             str(len([f for f in os.listdir(os.path.join(os.path.dirname(__file__), "..", "..",
                                                                          "app", "hq", "migrations"))
                                      if f.endswith(".sql")])))


if __name__ == "__main__":
    unittest.main(verbosity=2)
