# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _coop_message_post(self, source=None, **kwargs):
        """Post a message as the coop (the record's company), rendered from
        the template ``source`` when given (``message_post_with_source``),
        without subscribing whoever runs the code. Odoo subscribes the
        poster to the record, and the portal shows its users the documents
        they follow: a courier leaving the hub, a volunteer weighing an
        order, a cashier or a job must never gain access to a member's
        order by writing on it. Who did it goes in the body."""
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else False
        # sudo: the coop's own contact signs, whoever reads it.
        kwargs.setdefault(
            "author_id", (company or self.env.company).sudo().partner_id.id
        )
        thread = self.with_context(mail_create_nosubscribe=True)
        if self.env.user.partner_id.id in (kwargs.get("partner_ids") or ()):
            # Odoo never e-mails the user who acts; here the coop writes to
            # her (the member who just placed her order): she is e-mailed.
            thread = thread.with_context(mail_notify_author=True)
        if source:
            return thread.message_post_with_source(source, **kwargs)
        return thread.message_post(**kwargs)
