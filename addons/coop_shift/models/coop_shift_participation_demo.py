# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class CoopShiftParticipation(models.Model):
    _inherit = "coop.shift.participation"

    @api.model
    def _coop_demo_more_members(self, company):
        """Nine more members of the Lille épicerie (a share each, entered in
        the register), so that the teams are full enough to plan."""
        names = [
            "Nadia Lefebvre",
            "Olivier Masson",
            "Samia Bouzid",
            "Vincent Deleplanque",
            "Claire Van de Velde",
            "Mehdi Rahmani",
            "Anne-Sophie Wattez",
            "Jérôme Pollet",
            "Fanny Delplace",
        ]
        partners = self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "email": _demo_email(name),
                    "city": "Lille",
                    "zip": "59000",
                    "country_id": self.env.ref("base.fr").id,
                    "lang": "fr_FR",
                }
                for name in names
            ]
        )
        share_class = self.env.ref("coop_members.coop_share_class_a_demo")
        Movement = self.env["coop.share.movement"].with_company(company)
        movements = Movement.browse()
        for index, partner in enumerate(partners):
            movements |= Movement._create_subscription(
                partner,
                share_class,
                1,
                # Joined this week: the register's numbers follow its dates.
                fields.Date.context_today(self),
                origin=f"Bulletin de souscription 2026-{40 + index:03d}",
            )
        movements._confirm()
        return partners

    @api.model
    def _coop_demo_load(self):
        """The demo's participations and history, around the day the demo is
        installed (see demo/coop_shift_demo.xml)."""
        env = self.env
        company = env.ref("base.main_company")
        Participation = self.with_company(company)
        today = fields.Date.context_today(self)
        Template = env["coop.shift.template"]
        templates = Template.search([("company_id", "=", company.id)], order="id")
        if not templates:
            return
        # A cycle that started last Monday (week A): the weeks around today
        # are planned and the past ones attended.
        monday = today - timedelta(days=today.weekday())
        company.coop_shift_cycle_start = monday - timedelta(weeks=4)
        shifts = templates._coop_generate_shifts(
            today - timedelta(days=35), today + timedelta(weeks=8)
        )

        def template_with_shift_between(first, last, exclude=()):
            for template in templates:
                if template in exclude:
                    continue
                if shifts.filtered(
                    lambda s, t=template: (
                        s.template_id == t and first <= s.start.date() <= last
                    )
                ):
                    return template
            return templates[0]

        Participation._coop_demo_more_members(company)
        amina = env.ref("coop_members.res_users_member_demo").partner_id
        ref = env.ref
        alert = ref("coop_members.coop_member_demo_02")  # Thomas Vanhoutte
        suspended = ref("coop_members.coop_member_demo_25")  # Laurent Caron
        on_leave = ref("coop_members.coop_member_demo_12")  # Pauline Hennebelle
        exempt = ref("coop_members.coop_member_demo_14")  # Hélène Kowalski
        household = ref("coop_members.coop_member_demo_01")  # Camille Delattre
        saturday_a = ref("coop_shift.coop_shift_template_till_a_sat_demo")
        members = (
            env["res.partner"]
            .with_company(company)
            .search([("is_company", "=", False), ("coop_member_state", "=", "active")])
        )
        suspended_template = template_with_shift_between(
            today - timedelta(days=35), today - timedelta(days=29)
        )
        alert_template = template_with_shift_between(
            today - timedelta(days=20), today - timedelta(days=2), (suspended_template,)
        )
        special = {
            amina: {"kind": "regular", "template_id": saturday_a.id},
            household: {
                "kind": "regular",
                "template_id": saturday_a.id,
                "household_partner_ids": [
                    fields.Command.link(ref("coop_shift.coop_shift_household_demo").id)
                ],
            },
            alert: {"kind": "regular", "template_id": alert_template.id},
            suspended: {"kind": "regular", "template_id": suspended_template.id},
            on_leave: {"kind": "regular", "template_id": templates[4].id},
            exempt: {"kind": "exempt"},
        }
        values = []
        others = (
            members - amina - household - alert - suspended - on_leave - exempt
        ).sorted("name")
        for index, partner in enumerate(others):
            if index < 6:
                values.append({"partner_id": partner.id, "kind": "flying"})
            else:
                values.append(
                    {
                        "partner_id": partner.id,
                        "kind": "regular",
                        "template_id": templates[index % len(templates)].id,
                    }
                )
        for partner, vals in special.items():
            values.append({"partner_id": partner.id, **vals})
        participations = Participation.create(
            [{**vals, "company_id": company.id} for vals in values]
        )
        participations.filtered(
            lambda p: p.partner_id == exempt
        ).sudo().exempt_reason = "Raison de santé (certificat médical du 12/09)."
        team_leaders = participations.filtered(lambda p: p.kind == "regular")
        for template in templates:
            leader = team_leaders.filtered(lambda p, t=template: p.template_id == t)[:1]
            template.leader_id = leader.partner_id
            shifts.filtered(
                lambda s, t=template: s.template_id == t
            ).leader_id = leader.partner_id
        shifts._coop_register_regulars()
        env["coop.shift.leave"].sudo().create(
            {
                "participation_id": participations.filtered(
                    lambda p: p.partner_id == on_leave
                ).id,
                "date_start": today - timedelta(days=10),
                "date_end": today + timedelta(days=60),
                "reason": "Congé parental.",
            }
        )
        # The past: everyone came, but the suspended member (missed a month
        # ago) and the member in alert (missed last time).
        now = fields.Datetime.now()
        for shift in shifts.filtered(lambda s: s.stop < now).sorted("start"):
            for registration in shift.registration_ids.filtered(
                lambda r: r.state == "open"
            ):
                missed = registration.partner_id == suspended or (
                    registration.partner_id == alert
                    and shift.start.date() >= today - timedelta(days=20)
                )
                registration._coop_set_attendance("absent" if missed else "attended")
            shift.state = "done"
        # Two flying members did a make-up; one place offered for a swap.
        flying = participations.filtered(lambda p: p.kind == "flying")
        future = shifts.filtered(lambda s: s.start > now).sorted("start")
        for participation, shift in zip(
            flying[:2], future.filtered("seats_missing")[:2], strict=False
        ):
            env["coop.shift.registration"]._coop_sign_up(
                shift, participation, participation.partner_id
            )
        offered = future.registration_ids.filtered(
            lambda r: r.partner_id not in (amina, household) and r.origin == "regular"
        )[:1]
        offered._coop_offer_swap()
        participations._coop_update_states(today)


def _demo_email(name):
    ascii_name = name.lower().replace(" ", ".")
    for accented, plain in (("é", "e"), ("è", "e"), ("ï", "i")):
        ascii_name = ascii_name.replace(accented, plain)
    return f"{ascii_name}@example.org"
