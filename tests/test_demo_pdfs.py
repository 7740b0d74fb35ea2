"""The PDFs a person prints, rendered for real by wkhtmltopdf on the demo's
records, then read back as text (pdftotext): the company's identity in the
header, the names and amounts in the body.

Odoo's tests return HTML instead of PDF unless ``force_report_rendering`` is
in the context: it is, here. An HttpCase: wkhtmltopdf fetches the layout's
styles and images from the test server (web.base.url).
"""

import itertools
import re
import shutil
import subprocess
import tempfile
from html import unescape

from odoo import Command
from odoo.tests import HttpCase


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(pdf)
        source.flush()
        return subprocess.run(
            ["pdftotext", "-layout", source.name, "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout


def pdf_words(pdf, page=1):
    """The words of ``page`` with their boxes (pdftotext -bbox): a list of
    (word, x_min, y_min, x_max, y_max), y growing down the page."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(pdf)
        source.flush()
        html = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), source.name, "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    words = []
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
        r"([^<]*)</word>",
        html,
    ):
        x0, y0, x1, y1, word = match.groups()
        words.append((unescape(word), float(x0), float(y0), float(x1), float(y1)))
    return words


class TestDemoPdfs(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestDemoPdfs", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Printed by French users.
        cls.Report = cls.env["ir.actions.report"].with_context(
            force_report_rendering=True, lang="fr_FR"
        )
        cls.company = cls.env.ref("base.main_company")
        cls.amina = cls.env.ref("coop_members.res_users_member_demo").partner_id

    def _render(self, xmlid, records=None, data=None):
        self.assertTrue(shutil.which("pdftotext"), "poppler-utils is installed")
        pdf, kind = self.Report._render_qweb_pdf(
            xmlid, res_ids=records.ids if records else None, data=data
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"), "a real PDF")
        self.pdf = pdf
        return pdf_text(pdf)

    def assertTitleBelowHeader(self, pdf, title):
        """Page 1 as a person sees it: the document's title lies below the
        layout's header (the logo and the coop's details, down to its
        e-mail, which only the header shows), not under it."""
        words = pdf_words(pdf)
        email = self.company.email
        header = [w for w in words if len(w[0]) >= 4 and w[0] in email]
        self.assertTrue(header, "the header's e-mail on page 1")
        header_bottom = max(w[4] for w in header)
        first = title.split()[0]
        titles = [w for w in words if w[0] == first]
        self.assertTrue(titles, f"the title's {first!r} on page 1")
        title_top = min(w[2] for w in titles)
        self.assertGreater(
            title_top,
            header_bottom,
            f"{title!r} (top {title_top:.0f} pt) under the header"
            f" (bottom {header_bottom:.0f} pt)",
        )

    def assertHeaderFooter(self, text):
        """The layout's header and footer are there (wkhtmltopdf with patched
        Qt: with Debian's, Odoo drops them)."""
        self.assertIn(self.company.name, text)
        self.assertIn(self.company.street, text)
        self.assertIn("Page 1 /", text)

    def test_wkhtmltopdf_with_patched_qt(self):
        self.assertEqual(self.Report.get_wkhtmltopdf_state(), "ok")
        version = subprocess.run(
            ["wkhtmltopdf", "--version"], capture_output=True, text=True, check=True
        ).stdout
        self.assertIn("patched qt", version)

    def test_share_certificate(self):
        text = self._render("coop_members.action_report_share_certificate", self.amina)
        self.assertTitleBelowHeader(self.pdf, "Certificat de parts sociales")
        self.assertIn("Amina Benali", text)
        self.assertIn(self.amina.coop_member_number, text)
        self.assertIn("20,00", text)  # 2 shares of 10 €
        self.assertHeaderFooter(text)

    def test_member_cards(self):
        members = self.env["res.partner"].search(
            [("coop_member_state", "=", "active")], limit=3
        )
        text = self._render("coop_members.action_report_member_card", members)
        for member in members:
            self.assertIn(member.coop_member_number, text)
        # The card's barcode is drawn (reportlab's bitmap backend is there).
        response = self.url_open(
            "/report/barcode/?barcode_type=Code128&value="
            f"{members[0].barcode}&width=600&height=120&humanreadable=1"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")

    def test_share_register(self):
        text = self._render(
            "coop_members.action_report_share_register",
            data={"date_from": False, "date_to": False},
        )
        self.assertTitleBelowHeader(self.pdf, "Registre des parts")
        first = self.env["coop.share.movement"].search(
            [("state", "=", "confirmed")], order="name", limit=1
        )
        self.assertIn(first.name, text)
        self.assertIn("Amina Benali", text)
        self.assertHeaderFooter(text)

    def test_distribution_list(self):
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        text = self._render("coop_marketplace.action_report_distribution_list", cycle)
        self.assertTitleBelowHeader(self.pdf, "Liste de distribution")
        self.assertIn("Amina Benali", text)
        self.assertHeaderFooter(text)

    def test_round_sheet(self):
        round_ = self.env.ref("coop_producers.coop_collection_round_demo")
        text = self._render("coop_producers.action_report_collection_round", round_)
        self.assertTitleBelowHeader(self.pdf, "Feuille de tournée")
        self.assertIn("Ferme des Marais", text)
        # The demo's products weigh something: the van's load is not 0 kg.
        self.assertGreater(round_.load_kg, 50)
        self.assertNotIn("Charge : 0,0 kg", text)
        self.assertIn("Carottes (1 kg)", text)
        self.assertHeaderFooter(text)

    def test_bike_round_sheet(self):
        """Léa's round of the open cycle, as the hub prints it for her."""
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        round_ = self.env["stock.picking.batch"].search(
            [("coop_cycle_id", "=", cycle.id), ("coop_is_round", "=", True)]
        )
        self.assertEqual(len(round_), 1)
        text = self._render("coop_bike_delivery.action_report_bike_round", round_)
        self.assertTitleBelowHeader(self.pdf, "Tournée à vélo")
        self.assertIn("Tournée à vélo", text)
        self.assertIn("Léa Martin", text)
        # The stops in the planner's order: Hellemmes, La Madeleine,
        # Lambersart.
        positions = [text.index(name) for name in ("Nicolas", "Marie-Claire", "Élodie")]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Code porte 4512B", text)
        self.assertIn("6 × Blonde de", text)
        self.assertIn("Livraison à domicile", text)
        self.assertHeaderFooter(text)

    def test_producer_statement(self):
        statement = self.env.ref("coop_producers.coop_producer_statement_marais_demo")
        text = self._render(
            "coop_producers.action_report_producer_statement", statement
        )
        self.assertTitleBelowHeader(self.pdf, "Relevé producteur")
        self.assertIn("Ferme des Marais", text)
        self.assertIn(statement.name, text)
        self.assertIn("100,40", text)  # the net paid to the producer
        self.assertIn("Montant net qui vous est versé", text)
        self.assertHeaderFooter(text)

    def test_vendor_bill(self):
        """Odoo's own invoice report on the coop's paper: the farm's name and
        the title below the header."""
        bill = self.env["account.move"].search(
            [("move_type", "=", "in_invoice"), ("company_id", "=", self.company.id)],
            limit=1,
        )
        self.assertTrue(bill, "the demo has a vendor bill in Lille")
        text = self._render("account.account_invoices", bill)
        self.assertIn(bill.partner_id.name, text)
        self.assertTitleBelowHeader(self.pdf, "Facture fournisseur")
        self.assertTitleBelowHeader(self.pdf, bill.partner_id.name)

    def test_the_manager_prints_certificate_cards_and_register(self):
        """As the demo manager ("gerante"), not as the superuser: her rights
        reach the records and the reports."""
        gerante = self.env.ref("coop_members.res_users_manager_demo")
        Report = self.Report.with_user(gerante)
        for xmlid, records, data in (
            ("coop_members.action_report_share_certificate", self.amina, None),
            ("coop_members.action_report_member_card", self.amina, None),
            (
                "coop_members.action_report_share_register",
                None,
                {"date_from": False, "date_to": False},
            ),
        ):
            with self.subTest(report=xmlid):
                pdf, kind = Report._render_qweb_pdf(
                    xmlid, res_ids=records.ids if records else None, data=data
                )
                self.assertEqual(kind, "pdf")
                self.assertIn("Amina Benali", pdf_text(pdf))

    def test_shelf_labels_fit_their_paper(self):
        """The manager prints the demo's queue and 20 more labels: 24 labels
        of 70 × 37 mm on the first A4 sheet, in 3 columns and 8 rows edge to
        edge (a label printed bigger than its paper is a misprinted sheet),
        the rest on the second; the beer on the label printer's 62 × 37 mm."""
        gerante = self.env.ref("coop_members.res_users_manager_demo")
        a4 = self.env.ref("coop_shelf_label.print_category_a4")
        carrots = self.env.ref("coop_producers.product_marais_1_demo")
        wizard = (
            self.env["product.print.wizard"]
            .with_user(gerante)
            .with_context(active_model="product.print.category", active_ids=a4.ids)
            .create({})
        )
        queued = len(wizard.line_ids)
        wizard.line_ids = [
            Command.create(
                {"product_id": carrots.product_variant_id.id, "quantity": 24}
            )
        ]
        action = wizard.print_report()
        pdf, __ = self.Report.with_user(gerante)._render_qweb_pdf(
            action["report_name"], res_ids=wizard.line_ids.ids
        )
        text = pdf_text(pdf)
        self.assertEqual(text.count("\f"), 2, "two sheets")
        self.assertIn("5,06 € / kg", text)  # the bulk lentils
        self.assertIn("soit 31,10 € / kg", text)  # the Maroilles' 200 g
        mm = 72 / 25.4
        first_words = {
            line.product_id.with_context(lang="fr_FR").name.split()[0]
            for line in wizard.line_ids
        }
        names = [w for w in pdf_words(pdf) if w[0] in first_words]
        self.assertEqual(len(names), 24)
        columns = sorted({round(w[1] / mm) for w in names})
        rows = sorted({round(w[2] / mm) for w in names})
        self.assertEqual(len(columns), 3)
        self.assertEqual(len(rows), 8)
        for pitch in (b - a for a, b in itertools.pairwise(columns)):
            self.assertAlmostEqual(pitch, 70, delta=1)
        for pitch in (b - a for a, b in itertools.pairwise(rows)):
            self.assertAlmostEqual(pitch, 37, delta=1)
        self.assertLess(columns[0], 5, "the first column at the sheet's edge")
        self.assertEqual(
            len([w for w in pdf_words(pdf, page=2) if w[0] == "Carottes"]),
            queued,
        )
        self.assertFalse(a4.with_user(gerante).product_to_print_qty, "queue empty")
        # The beer's label on the roll: a page of 62 × 37 mm.
        beer = self.env.ref("coop_members.product_biere_demo")
        wizard = (
            self.env["product.print.wizard"]
            .with_user(gerante)
            .with_context(active_model="product.product", active_ids=beer.ids)
            .create({})
        )
        action = wizard.print_report()
        pdf, __ = self.Report.with_user(gerante)._render_qweb_pdf(
            action["report_name"], res_ids=wizard.line_ids.ids
        )
        info = subprocess.run(
            ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        width, height = map(
            float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
        )
        self.assertAlmostEqual(width / mm, 62, delta=1)
        self.assertAlmostEqual(height / mm, 37, delta=1)
        self.assertIn("3,48 €", pdf_text(pdf))
        self.assertIn("soit 10,55 € / L", pdf_text(pdf))
