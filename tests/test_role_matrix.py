"""The role matrix: who can do what, proved by doing it.

Each addon declares its expectations in ``addons/<addon>/tests/access_matrix.py``
(plain data, see coop_members' for the format):

- ``MODEL_ACCESS``: for each model the addon defines or extends, for each role
  of ``ROLES``, the model-level rights: a string of ``r`` (read), ``w``
  (write), ``c`` (create), ``u`` (unlink).
- ``RECORD_ACCESS``: record-level expectations, own record against someone
  else's, for the roles where record rules matter; ``OWN_RECORD`` gives, per
  model, a factory ``f(env, partner)`` of a record belonging to ``partner``.
- ``PORTAL_ROUTES``: the ``/my/...`` detail routes, checked for IDOR below.
- ``ROLE_GROUPS``: groups the addon adds to a role (e.g. its manager group).

The tests below create one user per role, try each operation for real, and
fail on any difference, printing the actual matrix. They also fail when a
model that one of our addons defines or extends is missing from every table.
"""

import importlib
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

ADDONS = sorted(
    p.parent.name
    for p in (Path(__file__).resolve().parent.parent / "addons").glob(
        "*/__manifest__.py"
    )
)
OPS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
# Base groups of each role; addons add theirs through ROLE_GROUPS. Staff roles
# whose groups do not exist yet are plain internal users until their addon
# defines them.
ROLES = {
    "public": None,  # base.public_user
    "portal_member": ["base.group_portal"],
    "pos_cashier": ["base.group_user", "point_of_sale.group_pos_user"],
    "producer": ["base.group_user"],
    "members_user": ["base.group_user"],
    "members_manager": ["base.group_user"],
    "solidarity_officer": ["base.group_user"],
    "logistics_staff": ["base.group_user"],
    "marketplace_manager": ["base.group_user"],
    "pickup_volunteer": ["base.group_user"],
    "network_coordinator": ["base.group_user"],
    "administrator": None,  # base.user_admin
}


def load_tables():
    tables = {}
    for addon in ADDONS:
        try:
            tables[addon] = importlib.import_module(
                f"odoo.addons.{addon}.tests.access_matrix"
            )
        except ModuleNotFoundError:
            tables[addon] = None
    return tables


class TestRoleMatrix(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestRoleMatrix", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.tables = load_tables()
        extra = {}
        for table in cls.tables.values():
            for role, groups in getattr(table, "ROLE_GROUPS", {}).items():
                extra.setdefault(role, []).extend(groups)
        cls.users = {}
        for role, groups in ROLES.items():
            if role == "public":
                cls.users[role] = cls.env.ref("base.public_user")
            elif role == "administrator":
                cls.users[role] = cls.env.ref("base.user_admin")
            else:
                cls.users[role] = new_test_user(
                    cls.env,
                    login=f"matrix_{role}",
                    groups=",".join(groups + extra.get(role, [])),
                )

    # ----------------------------------------------------------------------

    def _models_of_our_addons(self):
        """Models our addons create, or extend with fields."""
        data = self.env["ir.model.data"].search(
            [("module", "in", ADDONS), ("model", "in", ["ir.model", "ir.model.fields"])]
        )
        names = set()
        for record in data:
            target = self.env[record.model].browse(record.res_id)
            if record.model == "ir.model.fields":
                field = self.env[target.model]._fields.get(target.name)
                if field is None or field.inherited:
                    continue  # e.g. res.users gets res.partner's fields
            names.add(target.model)
        # Abstract models (ir.http...) hold no records: no access to declare.
        return {name for name in names if not self.env[name]._abstract}

    def test_every_model_of_our_addons_is_in_a_table(self):
        declared = set()
        for table in self.tables.values():
            declared |= set(getattr(table, "MODEL_ACCESS", {}))
        missing = self._models_of_our_addons() - declared
        self.assertFalse(
            missing,
            f"models of our addons missing from the role matrix: {sorted(missing)}",
        )

    def test_model_access(self):
        access = self.env["ir.model.access"]
        differences, actual = [], {}
        for addon, table in self.tables.items():
            for model, expected_by_role in getattr(table, "MODEL_ACCESS", {}).items():
                self.assertEqual(
                    set(expected_by_role),
                    set(ROLES),
                    f"{addon}: {model} must list every role",
                )
                for role, expected in expected_by_role.items():
                    got = "".join(
                        letter
                        for letter, op in OPS.items()
                        if access.with_user(self.users[role]).check(
                            model, op, raise_exception=False
                        )
                    )
                    actual.setdefault(model, {})[role] = got
                    if set(got) != set(expected):
                        differences.append(
                            f"{addon}: {model} {role}: {expected!r} expected, {got!r}"
                        )
        self.assertFalse(
            differences,
            "\n".join(
                [*differences, "actual:", *(f"{m}: {r}" for m, r in actual.items())]
            ),
        )

    def test_record_access(self):
        partners = self.env["res.partner"].create(
            [{"name": "Matrix other member"}, {"name": "Matrix other member 2"}]
        )
        differences = []
        for addon, table in self.tables.items():
            factories = getattr(table, "OWN_RECORD", {})
            for rule in getattr(table, "RECORD_ACCESS", []):
                user = self.users[rule["role"]]
                records = {
                    "own": factories[rule["model"]](self.env, user.partner_id),
                    "other": factories[rule["model"]](self.env, partners[0]),
                }
                for whose, record in records.items():
                    got = ""
                    for letter, op in OPS.items():
                        if letter == "c":
                            continue  # creation is model-level (MODEL_ACCESS)
                        try:
                            record.with_user(user).check_access(op)
                        except AccessError:
                            continue
                        got += letter
                    if set(got) != set(rule[whose]):
                        differences.append(
                            f"{addon}: {rule['model']} {rule['role']} on {whose} "
                            f"record: {rule[whose]!r} expected, {got!r}"
                        )
        self.assertFalse(differences, "\n".join(differences))

    def test_company_axis(self):
        """A network in one database: each role reads nothing of another
        company's records (``COMPANY_RECORD`` factories ``f(env, company)``),
        even where it reads its own company's (``MODEL_ACCESS``)."""
        other = self.env["res.company"].create({"name": "Matrix other company"})
        checked, differences = 0, []
        for addon, table in self.tables.items():
            for model, factory in getattr(table, "COMPANY_RECORD", {}).items():
                records = factory(self.env, other)
                self.assertTrue(records, f"{addon}: no {model} record of the company")
                self.assertEqual(records.company_id, other)
                for role, expected in table.MODEL_ACCESS[model].items():
                    if "r" not in expected:
                        continue
                    user = self.users[role]
                    checked += 1
                    found = records.with_user(user).search([("id", "in", records.ids)])
                    try:
                        records.with_user(user).check_access("read")
                    except AccessError:
                        refused = True
                    else:
                        refused = False
                    if found or not refused:
                        differences.append(
                            f"{addon}: {model} of another company readable by {role}"
                        )
        self.assertGreater(checked, 20)
        self.assertFalse(differences, "\n".join(differences))

    def test_portal_routes_refuse_other_members_records(self):
        """IDOR: a member asking for someone else's record gets nothing."""
        checked = 0
        member = self.users["portal_member"]
        for table in self.tables.values():
            factories = getattr(table, "OWN_RECORD", {})
            for route in getattr(table, "PORTAL_ROUTES", []):
                own = factories[route["model"]](self.env, member.partner_id)
                other = factories[route["model"]](
                    self.env, self.env["res.partner"].create({"name": "IDOR victim"})
                )
                own_url = route["path"].format(id=own.id)
                other_url = route["path"].format(id=other.id)
                self.authenticate(
                    member.login, member.login + "x" * (8 - len(member.login))
                )
                # Control: the route works for the owner, so a refusal means something.
                self.assertEqual(self.url_open(own_url).status_code, 200, own_url)
                for url in (other_url, f"{other_url}?access_token=wrong-token"):
                    self._assert_refused(url, route)
                self.authenticate(None, None)
                for url in (other_url, f"{other_url}?access_token=wrong-token"):
                    self._assert_refused(url, route)
                checked += 1
        expected = sum(
            len(getattr(t, "PORTAL_ROUTES", [])) for t in self.tables.values()
        )
        self.assertEqual(checked, expected)

    def _assert_refused(self, url, route):
        response = self.url_open(url, allow_redirects=False)
        refused = response.status_code in (403, 404) or (
            response.status_code in (301, 302, 303)
            and not response.headers.get("Location", "")
            .rstrip("/")
            .endswith(url.split("?")[0])
        )
        self.assertTrue(
            refused,
            f"{route['path']}: {url} answered {response.status_code} "
            f"{response.headers.get('Location', '')}",
        )
