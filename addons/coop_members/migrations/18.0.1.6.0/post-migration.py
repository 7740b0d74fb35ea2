# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.6.0: bulk weighing at the till left coop_members for its own addon,
coop_pos_bulk (auto-installed with coop_members). Odoo's update installs no
new auto_install addon by itself: mark it, and the same update installs it
after the installed addons (odoo/modules/loading.py loads "to install")."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["ir.module.module"].search(
        [("name", "=", "coop_pos_bulk"), ("state", "=", "uninstalled")]
    ).button_install()
