# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize


class CoopMembershipApplication(models.Model):
    """Somebody's application to join a coop, from its website.

    It holds what she chose (a share class and a number of shares), the
    versions of the statutes and internal rules she accepted, and when; her
    shares' invoice; the admission. The register hears of her only once
    the shares are paid and she is admitted (automatically, or by the board
    as the company's setting says): then one subscription goes through the
    register's own ``_create_subscription``, like the back office's and the
    till's."""

    _name = "coop.membership.application"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _description = "Membership application"
    _order = "create_date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Candidate", required=True, readonly=True, index=True
    )
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    share_class_id = fields.Many2one("coop.share.class", required=True, readonly=True)
    share_quantity = fields.Integer(string="Shares", required=True, readonly=True)
    amount = fields.Monetary(compute="_compute_amount", store=True)
    payment_choice = fields.Selection(
        [("online", "Online"), ("at_shop", "At the épicerie")],
        string="Pays",
        required=True,
        readonly=True,
    )
    invoice_id = fields.Many2one(
        "account.move", string="Shares invoice", readonly=True, copy=False
    )
    is_paid = fields.Boolean(
        string="Shares paid", compute="_compute_is_paid", store=True
    )
    accepted_document_ids = fields.Many2many(
        "coop.membership.document",
        string="Accepted documents",
        readonly=True,
        help="The versions of the statutes and internal rules the candidate accepted.",
    )
    accepted_on = fields.Datetime(string="Accepted on", readonly=True)
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("approved", "Approved, shares to pay"),
            ("admitted", "Admitted"),
            ("refused", "Refused"),
        ],
        default="submitted",
        required=True,
        readonly=True,
        tracking=True,
    )
    admission_mode = fields.Selection(related="company_id.coop_admission_mode")
    refusal_reason = fields.Text(readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    movement_id = fields.Many2one(
        "coop.share.movement", string="Register movement", readonly=True
    )
    member_number = fields.Char(compute="_compute_member_number")

    @api.depends("share_quantity", "share_class_id.nominal_value")
    def _compute_amount(self):
        for application in self:
            application.amount = (
                application.share_quantity * application.share_class_id.nominal_value
            )

    @api.depends("invoice_id.payment_state")
    def _compute_is_paid(self):
        for application in self:
            application.is_paid = application.invoice_id.payment_state in (
                "paid",
                "in_payment",
            )

    def _compute_member_number(self):
        for application in self:
            application.member_number = application.partner_id.with_company(
                application.company_id
            ).coop_member_number

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for application in self:
            application.access_url = f"/devenir-membre/suivi/{application.id}"
        return res

    # ------------------------------------------------------------------
    # Applying (the website)
    # ------------------------------------------------------------------

    @api.model
    def _coop_open_share_classes(self, company, is_company=False):
        """The classes a person (or an organisation) may join ``company``
        through, with a share product to invoice."""
        return self.env["coop.share.class"].search(
            [
                ("company_id", "=", company.id),
                ("product_id", "!=", False),
                ("allow_companies" if is_company else "allow_individuals", "=", True),
            ]
        )

    @api.model
    def _coop_apply(self, company, values, user=None):
        """Record an application to ``company`` from the joining form.

        ``values``: name, email, phone, street, zip, city, share_class_id,
        share_quantity, payment_choice, document_ids (the versions the form
        showed and the candidate accepted). ``user``: the logged-in user who
        applies for herself (a member of another coop), else a visitor.
        Everything is checked before anything is written; a refusal is a
        ``ValidationError`` saying what to correct."""
        values = {
            k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()
        }
        partner = user.partner_id if user and not user._is_public() else None
        self._coop_check_application(company, values, partner)
        share_class = self.env["coop.share.class"].browse(int(values["share_class_id"]))
        quantity = int(values["share_quantity"])
        if not partner:
            partner = self.env["res.partner"].create(
                {
                    "name": values["name"],
                    "email": values["email"],
                    "phone": values.get("phone") or False,
                    "street": values["street"],
                    "zip": values["zip"],
                    "city": values["city"],
                    "country_id": company.country_id.id,
                    "lang": self.env.lang or company.partner_id.lang,
                    # Contacts belong to their coop.
                    "company_id": company.id,
                }
            )
        member = partner.with_company(company)
        if not member.coop_member_state:
            member.write(
                {
                    "coop_member_state": "candidate",
                    "coop_member_state_date": fields.Date.context_today(self),
                }
            )
        invoice = share_class._create_subscription_invoice(
            partner, quantity, fields.Date.context_today(self)
        )
        application = self.create(
            {
                "name": self.env["ir.sequence"]
                .with_company(company)
                .next_by_code("coop.membership.application")
                or "/",
                "partner_id": partner.id,
                "company_id": company.id,
                "share_class_id": share_class.id,
                "share_quantity": quantity,
                "payment_choice": values["payment_choice"],
                "invoice_id": invoice.id,
                "accepted_document_ids": [(6, 0, self._coop_documents(values).ids)],
                "accepted_on": fields.Datetime.now(),
            }
        )
        application._coop_notify("coop_members_website.message_application_received")
        return application

    @api.model
    def _coop_documents(self, values):
        ids = values.get("document_ids") or []
        return self.env["coop.membership.document"].browse(
            [int(i) for i in ids if str(i).isdigit()]
        )

    @api.model
    def _coop_check_application(self, company, values, partner):
        if not partner:
            for key, label in (
                ("name", self.env._("your name")),
                ("email", self.env._("your e-mail")),
                ("street", self.env._("your address")),
                ("zip", self.env._("your postcode")),
                ("city", self.env._("your town")),
            ):
                if not values.get(key):
                    raise ValidationError(
                        self.env._("Please give %(what)s.", what=label)
                    )
            if not email_normalize(values["email"]):
                raise ValidationError(
                    self.env._(
                        "%(email)s is not an e-mail address.", email=values["email"]
                    )
                )
            if (
                self.env["res.users"]
                .sudo()
                .search_count(
                    [("login", "=ilike", email_normalize(values["email"]))], limit=1
                )
            ):
                raise ValidationError(
                    self.env._(
                        "You already have an account with this e-mail: log in"
                        " first, then join."
                    )
                )
        else:
            member = partner.with_company(company)
            if member.coop_member_state in ("active", "suspended"):
                raise ValidationError(
                    self.env._("You are already a member of this coop.")
                )
            if self.search_count(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("state", "in", ("submitted", "approved")),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "Your application to this coop is already being processed."
                    )
                )
        try:
            share_class_id = int(values.get("share_class_id") or 0)
            quantity = int(values.get("share_quantity") or 0)
        except ValueError as error:
            raise ValidationError(
                self.env._("Choose a share class and a number of shares.")
            ) from error
        share_class = self._coop_open_share_classes(company).filtered(
            lambda c: c.id == share_class_id
        )
        if not share_class:
            raise ValidationError(
                self.env._("Choose one of the share classes offered.")
            )
        low = max(share_class.min_quantity, 1)
        high = share_class.max_quantity
        if quantity < low or (high and quantity > high):
            raise ValidationError(
                self.env._(
                    "Class %(share_class)s: subscribe from %(low)s to %(high)s shares.",
                    share_class=share_class.display_name,
                    low=low,
                    high=high,
                )
                if high
                else self.env._(
                    "Class %(share_class)s: subscribe at least %(low)s shares.",
                    share_class=share_class.display_name,
                    low=low,
                )
            )
        if values.get("payment_choice") not in ("online", "at_shop"):
            raise ValidationError(self.env._("Choose how you pay for your shares."))
        current = self.env["coop.membership.document"]._current(company)
        if self._coop_documents(values) != current:
            raise ValidationError(
                self.env._(
                    "Read and accept the statutes and the internal rules (a new"
                    " version may have been published since the page opened)."
                )
            )

    # ------------------------------------------------------------------
    # Admission (the board, the payment)
    # ------------------------------------------------------------------

    def _coop_check_manager(self):
        if not self.env.user.has_group("coop_members.coop_member_group_manager"):
            raise AccessError(
                self.env._("Only members managers decide on applications.")
            )

    def action_approve(self):
        """The board admits the candidate: she is a member once her shares
        are paid (at once if they are)."""
        self._coop_check_manager()
        if self.filtered(lambda a: a.state != "submitted"):
            raise UserError(self.env._("Only submitted applications can be approved."))
        self.write(
            {
                "state": "approved",
                "decided_by_id": self.env.uid,
                "decided_on": fields.Datetime.now(),
            }
        )
        self._coop_admit_if_ready()
        for application in self.filtered(lambda a: a.state == "approved"):
            application._coop_notify(
                "coop_members_website.message_application_approved"
            )
        return True

    def action_refuse_wizard(self):
        self._coop_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the application"),
            "res_model": "coop.application.refuse.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_application_ids": self.ids},
        }

    def _coop_refuse(self, reason):
        """Refuse, with the reason the candidate reads. Her shares' invoice
        is cancelled by a credit note; if she paid, the credit note is what
        the coop owes her back."""
        self._coop_check_manager()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the refusal."))
        if self.filtered(lambda a: a.state not in ("submitted", "approved")):
            raise UserError(self.env._("Only pending applications can be refused."))
        for application in self:
            invoice = application.invoice_id
            if invoice.state == "posted":
                # sudo: a members manager needn't be an accountant to cancel
                # the invoice of an application she refuses.
                invoice.sudo()._reverse_moves(
                    [{"ref": self.env._("Refused application %s", application.name)}],
                    cancel=not application.is_paid,
                )
            application.write(
                {
                    "state": "refused",
                    "refusal_reason": reason.strip(),
                    "decided_by_id": self.env.uid,
                    "decided_on": fields.Datetime.now(),
                }
            )
            member = application.partner_id.with_company(application.company_id)
            if member.coop_member_state == "candidate":
                member.sudo().write(
                    {
                        "coop_member_state": False,
                        "coop_member_state_date": fields.Date.context_today(self),
                        "coop_member_state_reason": reason.strip(),
                    }
                )
            application._coop_notify("coop_members_website.message_application_refused")
        return True

    def _coop_admit_if_ready(self):
        """Admit the applications whose shares are paid and whose admission
        is due: automatic on payment, or approved by the board."""
        for application in self:
            if not application.is_paid or application.state not in (
                "submitted",
                "approved",
            ):
                continue
            if application.state == "approved" or application.admission_mode == (
                "automatic"
            ):
                application._coop_admit()

    def _coop_admit(self):
        """The shares enter the register (through its one path), the member
        gets her number and card from it, a portal account, and an e-mail."""
        self.ensure_one()
        # sudo: the payment that admits her may be registered by the payment
        # provider's callback (public) or an accountant; the register's own
        # checks still apply.
        application = self.sudo().with_company(self.company_id)
        register = application.env["coop.share.movement"]
        movement = register._create_subscription(
            application.partner_id,
            application.share_class_id,
            application.share_quantity,
            application.invoice_id.invoice_date or fields.Date.context_today(self),
            invoice_id=application.invoice_id.id,
            origin=application.invoice_id.name,
        )
        movement._confirm()
        application.write({"state": "admitted", "movement_id": movement.id})
        application._coop_grant_portal()
        application._coop_notify("coop_members_website.message_application_admitted")

    def _coop_grant_portal(self):
        """A portal account for the new member, and the invitation to choose
        her password (Odoo's signup e-mail, in her language)."""
        partner = self.partner_id
        if partner.user_ids:
            return
        users = self.env["res.users"].with_context(no_reset_password=True)
        user = users._create_user_from_template(
            {
                "login": email_normalize(partner.email) or partner.email,
                "partner_id": partner.id,
                "company_id": self.company_id.id,
                "company_ids": [(6, 0, self.company_id.ids)],
            }
        )
        user.with_context(lang=partner.lang).action_reset_password()

    def _coop_notify(self, template):
        self.ensure_one()
        self.with_context(lang=self.partner_id.lang)._coop_message_post(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    def action_open_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }
