# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from odoo.addons.purchase.models.account_invoice import TOLERANCE

# UNTDID 1001: a self-billed invoice.
SELF_BILLED_INVOICE = "389"


class AccountMove(models.Model):
    _inherit = "account.move"

    coop_self_billing_number = fields.Char(
        string="Self-billed invoice number",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The number of the invoice the coop issued in the farm's name,"
        " in her own series (one series per farm and coop).",
    )

    def _coop_next_self_billing_number(self, producer, company):
        """The next number of ``producer``'s self-billed invoices in
        ``company``: a series of her own, without gaps (the law asks for a
        continuous numbering per issuer's series)."""
        code = f"coop.self_billing.{producer.id}"
        # sudo: the series is the coop's, created on the farm's first
        # self-billed invoice, whoever confirms the statement.
        Sequence = self.env["ir.sequence"].sudo().with_company(company)
        sequence = Sequence.search(
            [("code", "=", code), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            sequence = Sequence.create(
                {
                    "name": f"Autofacturation {producer.name}",
                    "code": code,
                    "company_id": company.id,
                    "implementation": "no_gap",
                    "prefix": f"AF-{producer.ref or producer.id}-%(year)s-",
                    "padding": 4,
                }
            )
        return sequence.next_by_id()

    def _coop_self_billing_facturx(self):
        """The Factur-X (CII, EN 16931) of a self-billed invoice: the farm
        sells, the coop buys, type 389. Odoo's exporter writes the company
        as the seller of any invoice: its XML, parties swapped."""
        self.ensure_one()
        if not self.coop_self_billing_number or self.state != "posted":
            raise UserError(
                self.env._("Only a posted self-billed invoice has a Factur-X.")
            )
        xml, _errors = self.env["account.edi.xml.cii"]._export_invoice(self)
        tree = etree.fromstring(xml)
        ns = {"ram": tree.nsmap["ram"], "rsm": tree.nsmap["rsm"]}
        document = tree.find("rsm:ExchangedDocument", ns)
        document.find("ram:ID", ns).text = self.coop_self_billing_number
        document.find("ram:TypeCode", ns).text = SELF_BILLED_INVOICE
        agreement = tree.find(".//ram:ApplicableHeaderTradeAgreement", ns)
        seller = agreement.find("ram:SellerTradeParty", ns)
        buyer = agreement.find("ram:BuyerTradeParty", ns)
        seller_children, buyer_children = list(seller), list(buyer)
        for child in seller_children:
            seller.remove(child)
            buyer.append(child)
        for child in buyer_children:
            buyer.remove(child)
            seller.append(child)
        # The goods went to the coop, the buyer: Odoo's "deliver to" is the
        # invoice's partner, the farm here. It is optional (BG-13): left out.
        for ship_to in tree.findall(".//ram:ShipToTradeParty", ns):
            ship_to.getparent().remove(ship_to)
        self._coop_self_billing_exemption(tree, ns)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")

    def _coop_self_billing_exemption(self, tree, ns):
        """A farm that charges no VAT says why, in her invoice's language.
        Her lines carry no tax, and Odoo's exporter then writes no VAT at
        all (EN 16931 wants each line's category and the invoice's VAT
        breakdown), or, for a 0 % tax, the reason of the EU directive's
        exempt supplies (art. 226), which is not hers: each line is exempt
        (category E, 0 %), and the breakdown gives her reason. Under the
        franchise (art. 293 B du CGI), EN 16931's code VATEX-FR-FRANCHISE
        and the French mention; under the flat-rate refund for farmers, the
        mention (no VATEX code exists for it)."""
        farm = self.partner_id.commercial_partner_id
        regime = farm.coop_vat_regime
        if regime not in ("franchise", "flat_rate"):
            return
        mention = farm.with_context(lang=farm.lang)._coop_vat_mention()
        reason_code = "VATEX-FR-FRANCHISE" if regime == "franchise" else None
        ram = ns["ram"]

        def element(tag, text=None):
            node = etree.Element(f"{{{ram}}}{tag}")
            node.text = text
            return node

        for line in tree.iterfind(".//ram:SpecifiedLineTradeSettlement", ns):
            if line.find("ram:ApplicableTradeTax", ns) is None:
                tax = element("ApplicableTradeTax")
                tax.extend(
                    [
                        element("TypeCode", "VAT"),
                        element("CategoryCode", "E"),
                        element("RateApplicablePercent", "0"),
                    ]
                )
                line.insert(0, tax)
        settlement = tree.find(".//ram:ApplicableHeaderTradeSettlement", ns)
        breakdown = settlement.findall("ram:ApplicableTradeTax", ns)
        if not breakdown:
            tax = element("ApplicableTradeTax")
            tax.extend(
                [
                    element("CalculatedAmount", "0.00"),
                    element("TypeCode", "VAT"),
                    element("BasisAmount", f"{self.amount_untaxed:.2f}"),
                    element("CategoryCode", "E"),
                    element("RateApplicablePercent", "0"),
                ]
            )
            # Its place in CII's sequence: before the billing period, the
            # charges, the payment terms and the totals.
            following = [
                child
                for child in settlement
                if etree.QName(child).localname
                in (
                    "BillingSpecifiedPeriod",
                    "SpecifiedTradeAllowanceCharge",
                    "SpecifiedLogisticsServiceCharge",
                    "SpecifiedTradePaymentTerms",
                    "SpecifiedTradeSettlementHeaderMonetarySummation",
                )
            ]
            following[0].addprevious(tax)
            breakdown = [tax]
        for tax in breakdown:
            category = tax.find("ram:CategoryCode", ns)
            if category.text != "E":
                continue
            reason = tax.find("ram:ExemptionReason", ns)
            if reason is None:
                reason = element("ExemptionReason")
                tax.find("ram:TypeCode", ns).addnext(reason)
            reason.text = mention
            code = tax.find("ram:ExemptionReasonCode", ns)
            if reason_code and code is None:
                code = element("ExemptionReasonCode")
                category.addnext(code)
            if reason_code:
                code.text = reason_code
            elif code is not None:
                tax.remove(code)

    def _coop_attach_self_billing_facturx(self):
        self.ensure_one()
        return self.env["ir.attachment"].create(
            {
                "name": f"factur-x-{self.coop_self_billing_number}.xml",
                "raw": self._coop_self_billing_facturx(),
                "mimetype": "application/xml",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    def _coop_send_self_billed_invoice(self):
        """The farm receives the invoice issued in her name, its Factur-X
        attached, in her language: it is hers, and she may contest it
        (the mandate's terms)."""
        for move in self:
            attachment = move._coop_attach_self_billing_facturx()
            farm = move.partner_id.commercial_partner_id
            farm_env = move.with_context(lang=farm.lang or move.env.lang).env
            move._coop_message_post(
                body=farm_env._(
                    "Your invoice %(number)s, issued by %(coop)s in your name"
                    " and on your behalf under your self-billing mandate, for"
                    " %(amount)s: its Factur-X file is attached. If anything in"
                    " it is wrong, tell us: you may contest it.",
                    number=move.coop_self_billing_number,
                    coop=move.company_id.name,
                    amount=format_amount(farm_env, move.amount_total, move.currency_id),
                ),
                attachment_ids=attachment.ids,
                partner_ids=farm.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _match_purchase_orders(
        self, po_references, partner_id, amount_total, from_ocr, timeout
    ):
        """A farm bills what the coop received, weighed, not what it ordered:
        Odoo's matching compares the bill with the ordered amounts and leaves
        the bill of a delivery a little off unmatched (and its receipts would
        then be stated as well). When Odoo finds nothing, the referenced
        orders of that producer match if what was received and not yet billed
        comes to the bill's total."""
        method, po_lines, inv_lines = super()._match_purchase_orders(
            po_references, partner_id, amount_total, from_ocr, timeout
        )
        if method != "no_match" or not po_references or not partner_id:
            return method, po_lines, inv_lines
        orders = self.env["purchase.order"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("purchase", "done")),
                ("name", "in", po_references),
                ("partner_id", "child_of", [partner_id]),
                ("partner_id.coop_is_producer", "=", True),
            ]
        )
        received_to_bill = sum(
            line.price_total
            / line.product_qty
            * (line.qty_received - line.qty_invoiced)
            for line in orders.order_line
            if line.product_qty
        )
        if orders and abs(received_to_bill - amount_total) < TOLERANCE:
            return "total_match", orders.order_line, None
        return method, po_lines, inv_lines
