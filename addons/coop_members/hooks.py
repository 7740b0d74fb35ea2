# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    env["res.company"]._coop_use_coop_paper()
    env["account.payment.method.line"]._coop_name_manual_payments()
