"""What a demo role may read, as domains: the building blocks of the
``REACH`` tables of each addon's ``access_matrix.py``.

``REACH = {model: {demo login: reach, ...}}``: a reach is a function
``f(env, user) -> domain``, evaluated as superuser: the records of ``model``
that ``user`` may read, at most. A model that no table declares for a login
is one that login reads nothing of. The privacy sweep of the journey
simulator (tests/journeys.py) compares what each demo login actually reads,
after each step of the journeys, with the union of the addons' tables."""


def everything(env, user):
    return []


def own(field="partner_id"):
    """Records of the user's own contact (or company: her commercial
    partner and its contacts)."""

    def reach(env, user):
        return [(field, "child_of", user.commercial_partner_id.id)]

    return reach


def of_companies(field="company_id"):
    """Records of the user's companies (or of none)."""

    def reach(env, user):
        return ["|", (field, "=", False), (field, "in", user.company_ids.ids)]

    return reach


def own_user(field="user_id"):
    """Records of the user herself."""

    def reach(env, user):
        return [(field, "=", user.id)]

    return reach


def internal_contacts(env, user):
    """Colleagues' and companies' contacts (users' contacts, the coops'
    own), and the user's own."""
    companies = env["res.company"].sudo().search([])
    return [
        "|",
        "|",
        "|",
        ("partner_share", "=", False),
        ("user_ids", "!=", False),
        ("id", "in", companies.partner_id.ids),
        ("id", "=", user.partner_id.id),
    ]


def partners_in(field, partner_reach):
    """Records whose ``field`` (a contact) is within ``partner_reach``, or
    empty: who follows, who was notified."""

    def reach(env, user):
        partners = env["res.partner"].sudo().with_context(active_test=False)
        domain = partner_reach(env, user)
        return ["|", (field, "=", False), (field, "in", partners.search(domain).ids)]

    return reach


def any_of(*reaches):
    """What any of ``reaches`` allows."""

    def reach(env, user):
        from odoo.osv import expression

        return expression.OR([function(env, user) for function in reaches])

    return reach
