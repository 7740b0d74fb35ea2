# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """After install, once the translations are loaded: the orders link to
    the coop's terms of sale, in the company's language."""
    env["res.company"]._coop_use_terms_of_sale()
