# Run inside `odoo-bin shell` (``env`` is given) before account is installed:
# the main company becomes the demo épicerie in Lille, in euros, so that
# installing account auto-installs l10n_fr_account and loads the French chart.
company = env.ref("base.main_company")
euro = env.ref("base.EUR").with_context(active_test=False)
euro.active = True
company.write(
    {
        "name": "Épicerie coopérative",
        "street": "25 rue des Postes",
        "zip": "59000",
        "city": "Lille",
        "country_id": env.ref("base.fr").id,
        "currency_id": euro.id,
        "phone": "+33 3 20 00 00 00",
        "email": "contact@epicerie-coop.example.org",
        "website": "https://epicerie-coop.example.org",
        "company_registry": "RCS Lille Métropole 901 234 567",
    }
)
# The coop's time zone: the shop shows its closing times in it to visitors.
company.partner_id.tz = "Europe/Paris"
admin = env.ref("base.user_admin")
admin.write({"lang": "fr_FR", "tz": "Europe/Paris"})
env.cr.commit()
print("COMPANY-SETUP-OK")
