# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.2.0: membership is per company (a network of coops in one database).

The membership columns become company-dependent (jsonb {company id: value}):
each partner's values go to the company of their register (their first
confirmed movement), else to the first company. The shipped sequences of the
register and of member numbers become the first company's: other companies
get their own, numbered from 1."""

from odoo.tools import SQL

COLUMNS = (
    "coop_member_state",
    "coop_member_state_date",
    "coop_member_state_reason",
    "coop_member_number",
)


def migrate(cr, version):
    cr.execute("SELECT id FROM res_company ORDER BY sequence, id LIMIT 1")
    first_company = cr.fetchone()[0]
    cr.execute(
        "ALTER TABLE res_partner DROP CONSTRAINT IF EXISTS"
        " res_partner_coop_member_number_uniq"
    )
    for column in COLUMNS:
        cr.execute(
            "SELECT data_type FROM information_schema.columns"
            " WHERE table_name = 'res_partner' AND column_name = %s",
            [column],
        )
        row = cr.fetchone()
        if not row or row[0] == "jsonb":
            continue
        old = f"{column}_before_1_2"
        cr.execute(
            SQL(
                "ALTER TABLE res_partner RENAME COLUMN %s TO %s",
                SQL.identifier(column),
                SQL.identifier(old),
            )
        )
        cr.execute(
            SQL("ALTER TABLE res_partner ADD COLUMN %s jsonb", SQL.identifier(column))
        )
        cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET %(new)s = jsonb_build_object(
                           COALESCE(
                               (SELECT m.company_id FROM coop_share_movement m
                                 WHERE m.partner_id = p.id AND m.state = 'confirmed'
                              ORDER BY m.date, m.id LIMIT 1),
                               %(company)s
                           )::text,
                           %(old)s
                       )
                 WHERE %(old)s IS NOT NULL
                """,
                new=SQL.identifier(column),
                old=SQL.identifier(old),
                company=first_company,
            )
        )
        cr.execute(SQL("ALTER TABLE res_partner DROP COLUMN %s", SQL.identifier(old)))
    cr.execute(
        """
        UPDATE ir_sequence SET company_id = %s
         WHERE company_id IS NULL
           AND code IN ('coop.share.movement', 'coop.member.number')
        """,
        [first_company],
    )
