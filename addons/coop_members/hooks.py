# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    env["res.company"]._coop_use_coop_paper()
