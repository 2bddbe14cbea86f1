"""A real SMS provider sends only texts it approved as templates (issue 19): `salon-hq online
sms` refuses a configuration that leaves any kind of text head office sends without a
template id, naming the kinds, and keeps one id per kind (the store's decisions on a
booking may share --template-decided)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

KINDS = ["code", "booked", "confirmed", "declined", "offline", "move_declined", "cancelled", "reminder",
         "member_approved", "member_declined", "correction_skipped", "correction_approved", "correction_rejected"]
BASE = ["online", "sms", "--url", "https://sms.example.com/v1/send", "--key-id", "k1", "--secret", "s3cret",
        "--template-code", "T-CODE", "--template-booked", "T-BOOKED"]


class SmsTemplates(hq.SandboxTest):
    def templates(self):
        rows = self.box.psql("SELECT key || '=' || value FROM hq_settings WHERE key LIKE 'sms.template.%' ORDER BY key")
        return dict(r[len("sms.template."):].split("=", 1) for r in rows.splitlines())

    def test_a_kind_without_a_template_id_is_refused_by_name(self):
        out = self.box.run(*BASE, "--template-decided", "T-DECIDED", check=False)
        self.assertNotEqual(out.returncode, 0)
        named = (out.stderr + out.stdout).split("no template id for: ")[-1].split(" (")[0].split(", ")
        # confirmed, declined, offline, move_declined go under the shared decision template
        self.assertEqual(named, ["cancelled", "reminder", "member_approved", "member_declined", "correction_skipped",
                                 "correction_approved", "correction_rejected"])
        self.assertEqual(self.box.psql("SELECT count(*) FROM hq_settings WHERE key = 'sms.url'"), "0")  # nothing kept
        bad = self.box.run(*BASE, "--template", "birthday=T-X", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("--template birthday=T-X", bad.stderr + bad.stdout)

    def test_every_kind_has_its_id(self):
        rest = ["--template-decided", "T-DECIDED", "--template-reminder", "T-REMIND", "--template-cancelled", "T-CANCEL",
                "--template", "member_approved=T-MA", "--template", "member_declined=T-MD",
                "--template", "correction_skipped=T-CS", "--template", "correction_approved=T-CA",
                "--template", "correction_rejected=T-CR", "--template", "offline=T-OFF"]
        out = self.box.run(*BASE, *rest)
        self.assertEqual(out.returncode, 0, out.stderr)
        kept = self.templates()
        self.assertEqual((kept["code"], kept["booked"], kept["decided"], kept["offline"], kept["member_approved"],
                          kept["correction_skipped"]), ("T-CODE", "T-BOOKED", "T-DECIDED", "T-OFF", "T-MA", "T-CS"))
        self.assertEqual(kept["confirmed"], "")  # goes under the shared decision template
        # set again without the offline one: no id of the earlier setting lingers
        self.box.run(*BASE, *rest[:-2])
        self.assertEqual(self.templates()["offline"], "")
        self.assertEqual(set(KINDS) - set(self.templates()), set())


if __name__ == "__main__":
    unittest.main(verbosity=2)
