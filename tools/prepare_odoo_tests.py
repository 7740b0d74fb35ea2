# Run through `odoo-bin shell` by tools/odoo_tests.py, on both databases
# alike: what Odoo's own tests expect of the database they run on.
# ruff: noqa: F821  (env is the shell's)
from odoo import Command

english = env.ref("base.lang_en")
english.active = True
# Odoo's tests compare English labels and formats: existing users, and the
# users and partners they create (the French build sets French as default).
env["ir.default"].set("res.partner", "lang", "en_US")
env["res.users"].with_context(active_test=False).search([]).write({"lang": "en_US"})
env["res.partner"].with_context(active_test=False).search(
    [("lang", "!=", False)]
).write({"lang": "en_US"})
websites = env["website"].search([])
websites.write(
    {"language_ids": [Command.link(english.id)], "default_lang_id": english.id}
)
# Our shop's cycle mode off: Odoo's tests sell products outside any cycle
# (the plug-in rule: Odoo behaves as Odoo wherever our feature is off).
if "coop_cycle_shop" in websites._fields:
    websites.write({"coop_cycle_shop": False})
# Odoo's tests compare prices as Odoo's default shows them (taxes excluded);
# the coop's website shows them taxes included (French consumer law), a
# setting of the website that our addons set at install.
websites.write({"show_line_subtotals_tax_selection": "tax_excluded"})
env.cr.commit()
print("ODOO-TESTS-PREPARED")
